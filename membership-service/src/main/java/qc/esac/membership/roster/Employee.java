package qc.esac.membership.roster;

import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One person on an organization's staff roster: the minimum training (trainees) and insurance (eligibility:
 * hire date, hours) need, nothing more. A departure sets the end date; the entry is then kept read-only.
 *
 * @param userId   the platform account of the employee, when linked (lets the employee read their own entry)
 * @param identityKey who this person is within the organization, so nobody is entered twice (and a re-run
 *                    import skips who is already there): the work email, or else the names and hire date
 */
public record Employee(String id, String organizationId, Details details, String userId, LocalDate endDate,
                       String departureReason, String identityKey) {

    static final String FULL_TIME = "FULL_TIME";
    static final String PART_TIME = "PART_TIME";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final BigDecimal MAX_WEEKLY_HOURS = BigDecimal.valueOf(80);

    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        identityKey = identityKey(organizationId, details);
    }

    static String identityKey(String organizationId, Details details) {
        if (details.workEmail() != null) {
            return organizationId + "|" + details.workEmail();
        }
        String names = Normalizer.normalize(details.firstName() + "|" + details.lastName(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return organizationId + "|" + names + "|" + details.hireDate();
    }

    public boolean departed() {
        return endDate != null;
    }

    /**
     * What an administrator enters about an employee.
     *
     * @param employmentStatus {@code FULL_TIME} or {@code PART_TIME}
     */
    public record Details(String firstName, String lastName, String workEmail, String jobTitle,
                          String employmentStatus, BigDecimal weeklyHours, LocalDate hireDate) {

        public Details {
            firstName = blankToNull(firstName);
            lastName = blankToNull(lastName);
            workEmail = workEmail == null || workEmail.isBlank() ? null : workEmail.strip().toLowerCase(Locale.ROOT);
            jobTitle = blankToNull(jobTitle);
            employmentStatus = employmentStatus == null ? null : employmentStatus.strip().toUpperCase(Locale.ROOT);
            if (weeklyHours != null) {
                BigDecimal plain = weeklyHours.stripTrailingZeros();
                weeklyHours = plain.scale() < 0 ? plain.setScale(0) : plain;
            }
        }

        /** Every problem at once, with the field it is about; the same rules for the form and the import. */
        public List<FieldViolation> violations(LocalDate today) {
            List<FieldViolation> problems = new ArrayList<>();
            if (firstName == null || firstName.length() > 100) {
                problems.add(FieldViolation.of("firstName", "esac.validation.prenom"));
            }
            if (lastName == null || lastName.length() > 100) {
                problems.add(FieldViolation.of("lastName", "esac.validation.nom"));
            }
            if (workEmail != null && (workEmail.length() > 200 || !EMAIL.matcher(workEmail).matches())) {
                problems.add(FieldViolation.of("workEmail", "jakarta.validation.constraints.Email.message"));
            }
            if (jobTitle != null && jobTitle.length() > 150) {
                problems.add(FieldViolation.of("jobTitle", "esac.validation.titre-trop-long"));
            }
            if (!FULL_TIME.equals(employmentStatus) && !PART_TIME.equals(employmentStatus)) {
                problems.add(FieldViolation.of("employmentStatus", "esac.validation.statut-emploi"));
            }
            if (weeklyHours == null || weeklyHours.signum() <= 0 || weeklyHours.compareTo(MAX_WEEKLY_HOURS) > 0
                    || weeklyHours.scale() > 2) {
                problems.add(FieldViolation.of("weeklyHours", "esac.validation.heures"));
            }
            if (hireDate == null || hireDate.isAfter(today.plusYears(1)) || hireDate.getYear() < 1900) {
                problems.add(FieldViolation.of("hireDate", "esac.validation.date-embauche"));
            }
            return problems;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
        }
    }

    /** A new entry on the roster. */
    static Change<Employee> add(String id, String organizationId, Details details, String userId) {
        Employee added = new Employee(id, organizationId, details, userId, null, null, null);
        return Change.of(added, RosterEvents.added(added));
    }

    /** New details and account link; nothing to write when nothing changed. */
    Change<Employee> change(Details newDetails, String newUserId) {
        requireCurrent();
        Employee changed = withDetails(newDetails).withUserId(newUserId);
        List<String> changes = RosterEvents.changes(this, changed);
        return changes.isEmpty() ? Change.unchanged() : Change.of(changed, RosterEvents.updated(changed, changes));
    }

    /** The account this entry is linked to (also on a departed entry: revoking an employee's grant unlinks it). */
    Change<Employee> linkedTo(String newUserId) {
        Employee changed = withUserId(newUserId);
        List<String> changes = RosterEvents.changes(this, changed);
        return changes.isEmpty() ? Change.unchanged() : Change.of(changed, RosterEvents.updated(changed, changes));
    }

    /** The employee left on {@code on}: not before they were hired, nor more than a year ahead. */
    Change<Employee> leave(LocalDate on, String reason, LocalDate today) {
        requireCurrent();
        if (on.isBefore(details.hireDate()) || on.isAfter(today.plusYears(1))) {
            throw InvalidInputException.of(FieldViolation.of("endDate", "esac.validation.date-fin-emploi",
                    details.hireDate().toString()));
        }
        Employee departed = depart(on, reason);
        return Change.of(departed, RosterEvents.left(departed));
    }

    /** A former employee's entry is kept read-only. */
    void requireCurrent() {
        if (departed()) {
            throw new BusinessRuleException("employe.parti", id, endDate.toString());
        }
    }

    Employee withDetails(Details newDetails) {
        return new Employee(id, organizationId, newDetails, userId, endDate, departureReason, null);
    }

    Employee withUserId(String newUserId) {
        return new Employee(id, organizationId, details, newUserId, endDate, departureReason, null);
    }

    Employee depart(LocalDate on, String reason) {
        return new Employee(id, organizationId, details, userId, on, reason, null);
    }
}
