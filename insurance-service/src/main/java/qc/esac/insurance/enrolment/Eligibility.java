package qc.esac.insurance.enrolment;

import qc.esac.insurance.plan.EmployeeClass;
import qc.esac.kit.problem.BusinessRuleException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The class rule: an employee of a class is eligible once the waiting period after the hire date is over,
 * the regular weekly hours reach the class minimum (from the day they last rose to it: an employee whose hours
 * rise, or rise again after a drop, becomes eligible that day, not on the hire date) and the employer's
 * participation is in force. Enrolling within the late-application window after becoming eligible is accepted
 * automatically; later, the employee is a late applicant who must give evidence of insurability.
 *
 * @param eligibleOn first day of coverage for an enrolment on time
 * @param late       whether the request came after the window
 */
public record Eligibility(LocalDate eligibleOn, boolean late) {

    /** @param hoursMetSince since when the weekly hours have reached the class minimum without a break */
    public static Eligibility of(EmployeeClass employeeClass, BigDecimal weeklyHours, LocalDate hireDate,
                                 LocalDate hoursMetSince, LocalDate employmentEnd, LocalDate participationStart, LocalDate requestedOn,
                                 int lateApplicationDays) {
        if (employmentEnd != null && employmentEnd.isBefore(requestedOn)) {
            throw new BusinessRuleException("adhesion.employe-parti", employmentEnd.toString());
        }
        if (!employeeClass.worksEnoughHours(weeklyHours)) {
            throw new BusinessRuleException("adhesion.heures-insuffisantes",
                    weeklyHours == null ? "?" : weeklyHours.stripTrailingZeros().toPlainString(),
                    employeeClass.minimumWeeklyHours().stripTrailingZeros().toPlainString(), employeeClass.name());
        }
        LocalDate eligibleOn = latest(employeeClass.eligibleFrom(hireDate), hoursMetSince, participationStart);
        boolean late = requestedOn.isAfter(eligibleOn.plusDays(lateApplicationDays));
        return new Eligibility(eligibleOn, late);
    }

    private static LocalDate latest(LocalDate... dates) {
        LocalDate latest = null;
        for (LocalDate d : dates) {
            if (d != null && (latest == null || d.isAfter(latest))) {
                latest = d;
            }
        }
        return latest;
    }
}
