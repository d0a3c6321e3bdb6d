package qc.esac.insurance.enrolment;

import qc.esac.insurance.plan.DependantKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an enrolment knows of the person and their family: only ever stored encrypted.
 *
 * @param annualSalary the current salary
 * @param salaries     the salary from each date it changed, oldest first (empty: {@code annualSalary} throughout);
 *                     billing uses the salary in force on each day
 */
public record PersonalData(LocalDate birthDate, BigDecimal annualSalary, List<Dependant> dependants,
                           List<Salary> salaries) {

    public PersonalData {
        dependants = dependants == null ? List.of() : List.copyOf(dependants);
        salaries = salaries == null ? List.of() : List.copyOf(salaries);
    }

    public PersonalData(LocalDate birthDate, BigDecimal annualSalary, List<Dependant> dependants) {
        this(birthDate, annualSalary, dependants, List.of());
    }

    /** A spouse or child covered by the employee's enrolment. */
    public record Dependant(DependantKind kind, String firstName, LocalDate birthDate) {
    }

    /** The annual salary from {@code from}. */
    public record Salary(LocalDate from, BigDecimal annualSalary) {
    }

    public List<DependantKind> dependantKinds() {
        return dependants.stream().map(Dependant::kind).toList();
    }

    /** The salary paid on {@code date} (the first one known for earlier days). */
    public BigDecimal salaryOn(LocalDate date) {
        BigDecimal salary = salaries.isEmpty() ? annualSalary : salaries.get(0).annualSalary();
        for (Salary s : salaries) {
            if (!s.from().isAfter(date)) {
                salary = s.annualSalary();
            }
        }
        return salary;
    }

    /**
     * The salary becomes {@code salary} from {@code from}; a change dated back before later ones replaces them.
     *
     * @param since the first day the previous salary applied, when no history was kept yet
     */
    public PersonalData withSalary(BigDecimal salary, LocalDate from, LocalDate since) {
        List<Salary> history = new ArrayList<>(salaries.isEmpty() ? List.of(new Salary(since, annualSalary)) : salaries);
        history.removeIf(s -> !s.from().isBefore(from));
        history.add(new Salary(from, salary));
        history.sort(Comparator.comparing(Salary::from));
        return new PersonalData(birthDate, salary, dependants, history);
    }

    public PersonalData withFamily(List<Dependant> newDependants) {
        return new PersonalData(birthDate, annualSalary, newDependants, salaries);
    }

    public PersonalData withBirthDate(LocalDate newBirthDate) {
        return new PersonalData(newBirthDate, annualSalary, dependants, salaries);
    }
}
