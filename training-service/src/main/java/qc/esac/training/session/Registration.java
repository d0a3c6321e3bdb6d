package qc.esac.training.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's place in a session, registered (and paid for) by an organization.
 *
 * @param price         what the organization is charged, fixed when the seat is confirmed
 * @param memberPrice   whether that price is the member price
 * @param attendedHours hours attended, once staff recorded attendance
 * @param attestation   issued when the session completed with at least 90% attendance
 * @param satisfaction  the participant's rating of the session, 1 to 5
 */
public record Registration(String id, String organizationId, Participant participant, RegistrationStatus status,
                           BigDecimal price, boolean memberPrice, boolean promotedFromWaitlist, Instant registeredAt,
                           LocalDate cancelledOn, boolean lateCancellation, BigDecimal attendedHours,
                           Attestation attestation, Integer satisfaction) {

    public boolean isActive() {
        return status.isActive();
    }

    Registration confirmed(Price price, boolean promoted) {
        return new Registration(id, organizationId, participant, RegistrationStatus.CONFIRMED, price.amount(),
                price.member(), promoted, registeredAt, null, false, null, null, null);
    }

    Registration cancelled(LocalDate on, boolean late) {
        return new Registration(id, organizationId, participant, RegistrationStatus.CANCELLED, price, memberPrice,
                promotedFromWaitlist, registeredAt, on, late, attendedHours, attestation, satisfaction);
    }

    Registration withAttendance(BigDecimal hours) {
        return new Registration(id, organizationId, participant, status, price, memberPrice, promotedFromWaitlist,
                registeredAt, cancelledOn, lateCancellation, hours, attestation, satisfaction);
    }

    Registration withAttestation(Attestation issued) {
        return new Registration(id, organizationId, participant, status, price, memberPrice, promotedFromWaitlist,
                registeredAt, cancelledOn, lateCancellation, attendedHours, issued, satisfaction);
    }

    Registration withParticipant(Participant corrected) {
        return new Registration(id, organizationId, corrected, status, price, memberPrice, promotedFromWaitlist,
                registeredAt, cancelledOn, lateCancellation, attendedHours, attestation, satisfaction);
    }

    Registration withSatisfaction(int rating) {
        return new Registration(id, organizationId, participant, status, price, memberPrice, promotedFromWaitlist,
                registeredAt, cancelledOn, lateCancellation, attendedHours, attestation, rating);
    }
}
