package qc.esac.insurance.enrolment;

import qc.esac.insurance.plan.DependantKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What an enrolment knows of the person and their family: only ever stored encrypted. */
public record PersonalData(LocalDate birthDate, BigDecimal annualSalary, List<Dependant> dependants) {

    public PersonalData {
        dependants = dependants == null ? List.of() : List.copyOf(dependants);
    }

    /** A spouse or child covered by the employee's enrolment. */
    public record Dependant(DependantKind kind, String firstName, LocalDate birthDate) {
    }

    public List<DependantKind> dependantKinds() {
        return dependants.stream().map(Dependant::kind).toList();
    }
}
