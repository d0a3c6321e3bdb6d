package qc.esac.events.membership;

import qc.esac.events.EventData;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An employee was added to an organization's staff roster (by its administrator, one by one or by a CSV
 * import). Subject: the employee (roster entry) id.
 *
 * @param employeeId Platform id of the roster entry; also the event subject and the record key.
 * @param organizationId Id of the employing organization.
 * @param firstName Given name.
 * @param lastName Family name.
 * @param workEmail Work email address; null when the employee has none.
 * @param jobTitle Job title; null when not given.
 * @param employmentStatus FULL_TIME or PART_TIME, as the employer declares it.
 * @param weeklyHours Usual paid hours per week (group-insurance eligibility uses a minimum).
 * @param hireDate Date of hire (ISO date): start of waiting periods.
 * @param endDate Last day of employment; null while employed. May be in the future when a departure is
 *        announced.
 * @param userId Platform account (token subject) of the employee when one is linked, so services can
 *        recognise the employee signing in; null otherwise.
 */
public record EmployeeAdded(
        String employeeId,
        String organizationId,
        String firstName,
        String lastName,
        String workEmail,
        String jobTitle,
        String employmentStatus,
        BigDecimal weeklyHours,
        LocalDate hireDate,
        LocalDate endDate,
        String userId) implements EventData, RosterEntryEvent {
}
