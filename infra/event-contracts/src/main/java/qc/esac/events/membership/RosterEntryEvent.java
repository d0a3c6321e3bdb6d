package qc.esac.events.membership;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What every employee event carries: the roster entry as it is after the change, minimal personal details
 * only (what training needs to register trainees and insurance to decide eligibility). Subject of every such
 * event: the employee id.
 */
public interface RosterEntryEvent {

    String employeeId();

    String organizationId();

    String firstName();

    String lastName();

    String workEmail();

    String jobTitle();

    /** {@code FULL_TIME} or {@code PART_TIME}. */
    String employmentStatus();

    BigDecimal weeklyHours();

    LocalDate hireDate();

    /** Last day of employment, null while employed. */
    LocalDate endDate();

    String userId();
}
