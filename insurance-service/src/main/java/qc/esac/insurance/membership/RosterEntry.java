package qc.esac.insurance.membership;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An employee on an organization's roster, as membership last said (read model). */
public record RosterEntry(String id, String organizationId, String firstName, String lastName,
                          String employmentStatus, BigDecimal weeklyHours, LocalDate hireDate, LocalDate endDate,
                          String userId) {

    public boolean hasLeftBy(LocalDate date) {
        return endDate != null && endDate.isBefore(date);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
