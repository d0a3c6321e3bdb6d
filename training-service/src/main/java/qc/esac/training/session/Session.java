package qc.esac.training.session;

import qc.esac.events.EventData;
import qc.esac.events.training.AttestationIssued;
import qc.esac.events.training.RegistrationCancelled;
import qc.esac.events.training.RegistrationConfirmed;
import qc.esac.events.training.RegistrationWaitlisted;
import qc.esac.events.training.SessionCancelled;
import qc.esac.events.training.SessionCompleted;
import qc.esac.events.training.SessionScheduled;
import qc.esac.events.training.SessionUpdated;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.training.Decimals;
import qc.esac.training.catalogue.DeliveryMode;
import qc.esac.training.catalogue.LocalizedText;
import qc.esac.training.catalogue.Uec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A scheduled occurrence of a course, with its registrations: seats, waiting list, attendance and
 * attestations change together in this one aggregate, so that a seat is never given twice.
 *
 * <p>The course's title is copied at scheduling in French and English ({@code courseTitleEn}, null when the
 * course had none: readers then get the French one).
 *
 * <p>Immutable: every command returns the new session and the events it causes, or throws a problem and
 * changes nothing.
 */
public record Session(String id, String courseId, String courseTitle, String courseTitleEn, List<String> themes,
                      String networkId,
                      LocalDate startDate, LocalDate endDate, BigDecimal hours, DeliveryMode mode, String location,
                      int seats, BigDecimal memberPrice, BigDecimal nonMemberPrice, LocalDate registrationDeadline,
                      SessionStatus status, String cancellationReason, LocalDate completedOn,
                      List<Registration> registrations) {

    public Session {
        themes = themes == null ? List.of() : List.copyOf(themes);
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
    }

    /** A new session, planned: registrations open when staff open them. */
    public static Change<Session> schedule(String id, String courseId, LocalizedText title, List<String> themes,
                                         String networkId, LocalDate startDate, LocalDate endDate, BigDecimal hours,
                                         DeliveryMode mode, String location, int seats, BigDecimal memberPrice,
                                         BigDecimal nonMemberPrice, LocalDate registrationDeadline, LocalDate today) {
        List<FieldViolation> violations = datesAndPrices(startDate, endDate, registrationDeadline, memberPrice,
                nonMemberPrice, today);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String courseTitle = title.fr();
        Session session = new Session(id, courseId, courseTitle, title.en(), themes, networkId, startDate, endDate,
                Decimals.tidy(hours), mode, location, seats, memberPrice, nonMemberPrice, registrationDeadline,
                SessionStatus.PLANNED, null, null, List.of());
        return Change.of(session, List.of(new SessionScheduled(id, courseId, courseTitle, networkId,
                session.themes(), startDate, endDate, mode.name(), session.hours(), Uec.ofHours(session.hours()), seats,
                memberPrice, nonMemberPrice, registrationDeadline)));
    }

    private static List<FieldViolation> datesAndPrices(LocalDate startDate, LocalDate endDate,
                                                       LocalDate registrationDeadline, BigDecimal memberPrice,
                                                       BigDecimal nonMemberPrice, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (endDate.isBefore(startDate)) {
            violations.add(FieldViolation.of("endDate", "seance.fin-avant-debut"));
        }
        if (startDate.isBefore(today)) {
            violations.add(FieldViolation.of("startDate", "seance.debut-passe"));
        }
        if (registrationDeadline.isAfter(startDate)) {
            violations.add(FieldViolation.of("registrationDeadline", "seance.date-limite-apres-debut"));
        }
        if (memberPrice.compareTo(nonMemberPrice) > 0) {
            violations.add(FieldViolation.of("memberPrice", "seance.prix-membre-superieur"));
        }
        return violations;
    }

    /**
     * Staff change a session that has not started: dates, delivery, seats, prices, deadline. Seats cannot drop
     * below the confirmed participants; added seats go to the people waiting, in order, priced today. Prices of
     * seats already confirmed do not change.
     */
    public Change<Session> update(LocalDate newStart, LocalDate newEnd, BigDecimal newHours, DeliveryMode newMode,
                                String newLocation, int newSeats, BigDecimal newMemberPrice,
                                BigDecimal newNonMemberPrice, LocalDate newDeadline, LocalDate today,
                                Pricing.Standings standings) {
        if (status.isOver()) {
            throw new BusinessRuleException("seance.modification-interdite", status.name());
        }
        if (!today.isBefore(startDate)) {
            throw new BusinessRuleException("seance.deja-commencee", startDate.toString());
        }
        List<FieldViolation> violations = datesAndPrices(newStart, newEnd, newDeadline, newMemberPrice,
                newNonMemberPrice, today);
        if (newSeats < confirmedCount()) {
            violations.add(FieldViolation.of("seats", "seance.places-insuffisantes", String.valueOf(confirmedCount())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Session changed = new Session(id, courseId, courseTitle, courseTitleEn, themes, networkId, newStart, newEnd,
                Decimals.tidy(newHours), newMode, newLocation, newSeats, newMemberPrice, newNonMemberPrice,
                newDeadline, status, cancellationReason, completedOn, registrations);
        List<EventData> promotions = new ArrayList<>();
        List<Registration> updated = new ArrayList<>();
        long free = changed.seatsLeft();
        for (Registration r : registrations) {
            if (free > 0 && r.status() == RegistrationStatus.WAITLISTED) {
                Registration promoted = r.confirmed(Pricing.quote(changed,
                        standings.inGoodStanding(r.organizationId(), networkId)), true);
                updated.add(promoted);
                promotions.add(changed.confirmedEvent(promoted));
                free--;
            } else {
                updated.add(r);
            }
        }
        Session next = changed.withRegistrations(updated);
        if (status.takesRegistrations()) {
            next = next.withStatus(next.seatsLeft() == 0 ? SessionStatus.FULL : SessionStatus.OPEN);
        }
        List<EventData> events = new ArrayList<>();
        events.add(new SessionUpdated(id, courseId, courseTitle, networkId, themes, newStart, newEnd, newMode.name(),
                next.hours(), next.uec(), newSeats, newMemberPrice, newNonMemberPrice, newDeadline,
                next.status().name()));
        events.addAll(promotions);
        return Change.of(next, events);
    }

    /** The course's title in the reader's language (French when no English title was given). */
    public String courseTitle(Locale locale) {
        return new LocalizedText(courseTitle, courseTitleEn).in(locale);
    }

    public BigDecimal uec() {
        return Uec.ofHours(hours);
    }

    public long confirmedCount() {
        return registrations.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED).count();
    }

    public List<Registration> waitlist() {
        return registrations.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED).toList();
    }

    public int seatsLeft() {
        return (int) Math.max(0, seats - confirmedCount());
    }

    public Optional<Registration> registration(String registrationId) {
        return registrations.stream().filter(r -> r.id().equals(registrationId)).findFirst();
    }

    public Registration requireRegistration(String registrationId) {
        return registration(registrationId).orElseThrow(
                () -> new NotFoundException("inscription.introuvable", registrationId, id));
    }

    // --- Status transitions ---------------------------------------------------------------------------------

    /** Staff open registrations (or reopen them after closing). */
    public Change<Session> openRegistrations(LocalDate today) {
        if (status != SessionStatus.PLANNED && status != SessionStatus.CLOSED) {
            throw transition("seance.ouverture-interdite");
        }
        if (today.isAfter(registrationDeadline)) {
            throw new BusinessRuleException("seance.date-limite-passee", registrationDeadline.toString());
        }
        return Change.of(withStatus(seatsLeft() == 0 ? SessionStatus.FULL : SessionStatus.OPEN));
    }

    /** Staff stop taking registrations; the session will still be given. */
    public Change<Session> closeRegistrations() {
        if (!status.takesRegistrations()) {
            throw transition("seance.fermeture-interdite");
        }
        return Change.of(withStatus(SessionStatus.CLOSED));
    }

    /** Cancels the session and, with it, every active registration. */
    public Change<Session> cancel(String reason, LocalDate today) {
        if (status.isOver()) {
            throw transition("seance.annulation-interdite");
        }
        List<EventData> events = new ArrayList<>();
        events.add(new SessionCancelled(id, courseId, networkId, startDate, reason, today));
        List<Registration> updated = new ArrayList<>();
        for (Registration r : registrations) {
            if (r.isActive()) {
                events.add(cancelledEvent(r, "SESSION_CANCELLED", false));
                updated.add(r.cancelled(today, false));
            } else {
                updated.add(r);
            }
        }
        return Change.of(new Session(id, courseId, courseTitle, courseTitleEn, themes, networkId, startDate,
                endDate, hours, mode, location, seats, memberPrice, nonMemberPrice, registrationDeadline,
                SessionStatus.CANCELLED, reason, null, updated), events);
    }

    /**
     * Closes a session that was given: every confirmed participant's attendance must be recorded; those with
     * at least 90% receive an attestation for the session's hours.
     */
    public Change<Session> complete(LocalDate today, Supplier<String> ids, Supplier<String> verificationCodes) {
        if (status == SessionStatus.PLANNED || status.isOver()) {
            throw transition("seance.cloture-interdite");
        }
        if (today.isBefore(endDate)) {
            throw new BusinessRuleException("seance.pas-terminee", endDate.toString());
        }
        long missing = registrations.stream()
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED && r.attendedHours() == null).count();
        if (missing > 0) {
            throw new BusinessRuleException("seance.presences-manquantes", String.valueOf(missing));
        }
        List<EventData> events = new ArrayList<>();
        List<Registration> updated = new ArrayList<>();
        List<EventData> attestations = new ArrayList<>(); // and releases of the waiting list
        int participants = 0;
        for (Registration r : registrations) {
            if (r.status() == RegistrationStatus.WAITLISTED) {
                // Nobody will be promoted any more: the people still waiting are released.
                attestations.add(cancelledEvent(r, "SESSION_COMPLETED", false));
                updated.add(r.cancelled(today, false));
                continue;
            }
            if (r.status() == RegistrationStatus.CONFIRMED) {
                participants++;
                if (AttendanceRule.qualifies(r.attendedHours(), hours)) {
                    Attestation attestation = new Attestation(ids.get(), verificationCodes.get(), hours, uec(), today);
                    updated.add(r.withAttestation(attestation));
                    attestations.add(new AttestationIssued(attestation.id(), attestation.verificationCode(), id,
                            courseId, courseTitle, networkId, r.organizationId(), r.participant().personId(),
                            r.participant().employee(), hours, attestation.uec(), today));
                    continue;
                }
            }
            updated.add(r);
        }
        events.add(new SessionCompleted(id, courseId, networkId, themes, startDate, endDate, hours, participants,
                (int) attestations.stream().filter(AttestationIssued.class::isInstance).count(), today));
        events.addAll(attestations);
        return Change.of(new Session(id, courseId, courseTitle, courseTitleEn, themes, networkId, startDate,
                endDate, hours, mode, location, seats, memberPrice, nonMemberPrice, registrationDeadline,
                SessionStatus.COMPLETED, cancellationReason, today, updated), events);
    }

    // --- Registrations --------------------------------------------------------------------------------------

    /**
     * Registers a person: a seat if one is left, otherwise the waiting list. A person holds at most one active
     * registration per session.
     */
    public Change<Session> register(String registrationId, String organizationId, Participant participant, Price price,
                                  LocalDate today, Instant now) {
        switch (status) {
            case PLANNED -> throw new BusinessRuleException("inscription.pas-encore-ouverte", courseTitle);
            case CLOSED -> throw new BusinessRuleException("inscription.fermee", courseTitle);
            case CANCELLED -> throw new BusinessRuleException("inscription.seance-annulee", courseTitle);
            case COMPLETED -> throw new BusinessRuleException("inscription.seance-terminee", courseTitle);
            default -> { }
        }
        if (today.isAfter(registrationDeadline)) {
            throw new BusinessRuleException("inscription.date-limite-passee", registrationDeadline.toString());
        }
        boolean alreadyIn = registrations.stream().anyMatch(
                r -> r.isActive() && r.participant().personId().equals(participant.personId()));
        if (alreadyIn) {
            throw new ConflictException("inscription.doublon", participant.fullName());
        }
        Registration pending = new Registration(registrationId, organizationId, participant,
                RegistrationStatus.WAITLISTED, null, false, false, now, null, false, null, null, null);
        List<Registration> updated = new ArrayList<>(registrations);
        EventData event;
        if (seatsLeft() > 0) {
            Registration confirmed = pending.confirmed(price, false);
            updated.add(confirmed);
            event = confirmedEvent(confirmed);
        } else {
            updated.add(pending);
            event = new RegistrationWaitlisted(registrationId, id, courseId, networkId, organizationId,
                    participant.personId(), waitlist().size() + 1);
        }
        Session next = withRegistrations(updated);
        return Change.of(next.withStatus(next.seatsLeft() == 0 ? SessionStatus.FULL : SessionStatus.OPEN),
                List.of(event));
    }

    /**
     * Cancels a registration before the session starts. A freed seat goes to the first person on the waiting
     * list, priced on the day of the promotion. Cancelling after the registration deadline is allowed but
     * flagged late (the network's policy may charge it).
     */
    public Change<Session> cancelRegistration(String registrationId, LocalDate today, Pricing.Standings standings) {
        Registration registration = requireRegistration(registrationId);
        if (!registration.isActive()) {
            throw new BusinessRuleException("inscription.deja-annulee", registrationId);
        }
        if (status.isOver()) {
            throw new BusinessRuleException("inscription.seance-close", courseTitle);
        }
        if (!today.isBefore(startDate)) {
            throw new BusinessRuleException("inscription.annulation-apres-debut", startDate.toString());
        }
        boolean late = today.isAfter(registrationDeadline);
        List<EventData> events = new ArrayList<>();
        events.add(cancelledEvent(registration, "PARTICIPANT_WITHDREW", late));
        List<Registration> updated = new ArrayList<>();
        boolean seatFreed = registration.status() == RegistrationStatus.CONFIRMED;
        for (Registration r : registrations) {
            if (r.id().equals(registrationId)) {
                updated.add(r.cancelled(today, late));
            } else if (seatFreed && r.status() == RegistrationStatus.WAITLISTED) {
                Price price = Pricing.quote(this, standings.inGoodStanding(r.organizationId(), networkId));
                Registration promoted = r.confirmed(price, true);
                updated.add(promoted);
                events.add(confirmedEvent(promoted));
                seatFreed = false;
            } else {
                updated.add(r);
            }
        }
        Session next = withRegistrations(updated);
        if (status.takesRegistrations()) {
            next = next.withStatus(next.seatsLeft() == 0 ? SessionStatus.FULL : SessionStatus.OPEN);
        }
        return Change.of(next, events);
    }

    /** Records hours attended per confirmed registration, from the first day of the session until it completes. */
    public Change<Session> recordAttendance(Map<String, BigDecimal> hoursByRegistration, LocalDate today) {
        if (status == SessionStatus.CANCELLED || status == SessionStatus.COMPLETED) {
            throw new BusinessRuleException("presence.seance-close", courseTitle);
        }
        if (today.isBefore(startDate)) {
            throw new BusinessRuleException("presence.seance-future", startDate.toString());
        }
        List<FieldViolation> violations = new ArrayList<>();
        hoursByRegistration.forEach((registrationId, attended) -> {
            Optional<Registration> registration = registration(registrationId);
            String field = "attendance[" + registrationId + "]";
            if (registration.isEmpty() || registration.get().status() != RegistrationStatus.CONFIRMED) {
                violations.add(FieldViolation.of(field, "presence.inscription-non-confirmee"));
            } else if (attended.signum() < 0 || attended.compareTo(hours) > 0) {
                violations.add(FieldViolation.of(field, "presence.heures-hors-limites",
                        hours.toPlainString()));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<Registration> updated = registrations.stream()
                .map(r -> hoursByRegistration.containsKey(r.id())
                        ? r.withAttendance(Decimals.tidy(hoursByRegistration.get(r.id()))) : r)
                .toList();
        return Change.of(withRegistrations(updated));
    }

    /** A participant's 1-5 rating of a session they attended. */
    public Change<Session> rate(String registrationId, int rating) {
        Registration registration = requireRegistration(registrationId);
        if (rating < 1 || rating > 5) {
            throw InvalidInputException.of(FieldViolation.of("rating", "satisfaction.hors-echelle"));
        }
        if (status != SessionStatus.COMPLETED || registration.status() != RegistrationStatus.CONFIRMED) {
            throw new BusinessRuleException("satisfaction.seance-non-suivie", courseTitle);
        }
        List<Registration> updated = registrations.stream()
                .map(r -> r.id().equals(registrationId) ? r.withSatisfaction(rating) : r).toList();
        return Change.of(withRegistrations(updated));
    }

    /** The people's corrected names on their registrations; null when none of them is registered here. */
    public Session withParticipantsCorrected(Set<String> personIds, String firstName, String lastName, String email) {
        if (registrations.stream().noneMatch(r -> personIds.contains(r.participant().personId()))) {
            return null;
        }
        return withRegistrations(registrations.stream().map(r -> personIds.contains(r.participant().personId())
                ? r.withParticipant(r.participant().corrected(firstName, lastName, email)) : r).toList());
    }

    // --- Helpers --------------------------------------------------------------------------------------------

    private BusinessRuleException transition(String code) {
        return new BusinessRuleException(code, status.name());
    }

    private RegistrationConfirmed confirmedEvent(Registration r) {
        return new RegistrationConfirmed(r.id(), id, courseId, networkId, r.organizationId(),
                r.participant().personId(), r.participant().employee(), r.price(), r.memberPrice(),
                r.promotedFromWaitlist());
    }

    private RegistrationCancelled cancelledEvent(Registration r, String reason, boolean late) {
        return new RegistrationCancelled(r.id(), id, courseId, networkId, r.organizationId(),
                r.participant().personId(), r.status().name(), reason, late);
    }

    private Session withStatus(SessionStatus newStatus) {
        return new Session(id, courseId, courseTitle, courseTitleEn, themes, networkId, startDate, endDate, hours,
                mode, location, seats, memberPrice, nonMemberPrice, registrationDeadline, newStatus, cancellationReason,
                completedOn, registrations);
    }

    private Session withRegistrations(List<Registration> updated) {
        return new Session(id, courseId, courseTitle, courseTitleEn, themes, networkId, startDate, endDate, hours,
                mode, location, seats, memberPrice, nonMemberPrice, registrationDeadline, status, cancellationReason,
                completedOn, updated);
    }
}
