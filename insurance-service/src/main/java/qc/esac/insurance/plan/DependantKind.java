package qc.esac.insurance.plan;

/** A person an employee's enrolment may cover besides the employee. */
public enum DependantKind {
    SPOUSE, CHILD
}
