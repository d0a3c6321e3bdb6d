package qc.esac.training.session;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The person attending: an employee from the organization's roster (the id is the employee id) or an external
 * person the organization registers (the id is derived from the e-mail address, so the same person registered
 * twice, or by two organizations, keeps one UEC ledger). Only what attestations need is kept.
 */
public record Participant(String personId, boolean employee, String firstName, String lastName, String email) {

    public static Participant employee(String employeeId, String firstName, String lastName) {
        return new Participant(employeeId, true, firstName, lastName, null);
    }

    public static Participant external(String firstName, String lastName, String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        String id = "ext-" + UUID.nameUUIDFromBytes(normalized.getBytes(StandardCharsets.UTF_8));
        return new Participant(id, false, firstName.strip(), lastName.strip(), normalized);
    }

    /** The person's own correction of their name (and of their e-mail, where training holds one); same id. */
    public Participant corrected(String newFirstName, String newLastName, String newEmail) {
        return new Participant(personId, employee, newFirstName.strip(), newLastName.strip(),
                email == null || newEmail == null ? email : newEmail.strip().toLowerCase(Locale.ROOT));
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
