package qc.esac.insurance.enrolment;

import qc.esac.insurance.plan.EmployeeClass;
import qc.esac.kit.problem.BusinessRuleException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The class rule: an employee of a class is eligible once the waiting period after the hire date is over
 * (and not before the employer's participation is in force) if the regular weekly hours reach the class
 * minimum. Enrolling within the late-application window after becoming eligible is accepted automatically;
 * later, the employee is a late applicant who must give evidence of insurability.
 *
 * @param eligibleOn first day of coverage for an enrolment on time
 * @param late       whether the request came after the window
 */
public record Eligibility(LocalDate eligibleOn, boolean late) {

    public static Eligibility of(EmployeeClass employeeClass, BigDecimal weeklyHours, LocalDate hireDate,
                                 LocalDate employmentEnd, LocalDate participationStart, LocalDate requestedOn,
                                 int lateApplicationDays) {
        if (employmentEnd != null && employmentEnd.isBefore(requestedOn)) {
            throw new BusinessRuleException("adhesion.employe-parti", employmentEnd.toString());
        }
        if (!employeeClass.worksEnoughHours(weeklyHours)) {
            throw new BusinessRuleException("adhesion.heures-insuffisantes",
                    weeklyHours == null ? "?" : weeklyHours.stripTrailingZeros().toPlainString(),
                    employeeClass.minimumWeeklyHours().stripTrailingZeros().toPlainString(), employeeClass.name());
        }
        LocalDate afterWaiting = employeeClass.eligibleFrom(hireDate);
        LocalDate eligibleOn = afterWaiting.isBefore(participationStart) ? participationStart : afterWaiting;
        boolean late = requestedOn.isAfter(eligibleOn.plusDays(lateApplicationDays));
        return new Eligibility(eligibleOn, late);
    }
}
