package qc.esac.training.session;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.training.IdempotencyKeys;
import qc.esac.training.TrainingClock;
import qc.esac.training.VerificationCodes;
import qc.esac.training.catalogue.Course;
import qc.esac.training.catalogue.CourseService;
import qc.esac.training.catalogue.DeliveryMode;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.membershipfeed.MembershipStandings;
import qc.esac.membershipfeed.Roster;
import qc.esac.membershipfeed.RosterEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sessions and everything that happens inside one: registrations, waiting list, attendance, attestations,
 * satisfaction. Each command reads the session, lets the model decide, and writes the new state with its
 * events in one conditional write; when another command changed the session in between, it starts over
 * (a registration is never lost to a concurrent one, and a seat is never given twice).
 */
@Service
public class SessionService {

    private final Sessions sessions;
    private final CourseService courses;
    private final MembershipStandings standings;
    private final Roster roster;
    private final KnownOrganizations organizations;
    private final TrainingClock clock;

    SessionService(Sessions sessions, CourseService courses, MembershipStandings standings, Roster roster,
                   KnownOrganizations organizations, TrainingClock clock) {
        this.sessions = sessions;
        this.courses = courses;
        this.standings = standings;
        this.roster = roster;
        this.organizations = organizations;
        this.clock = clock;
    }

    // --- Staff: scheduling and status ----------------------------------------------------------------------

    /** Schedules a session; a retry with the same idempotency key returns the session already scheduled. */
    public Versioned<Session> schedule(EsacUser user, ScheduleSession command, String idempotencyKey) {
        Course course = courses.get(command.courseId()).state();
        user.requireStaffOf(course.networkId());
        String id = IdempotencyKeys.idFor(user, "session", idempotencyKey);
        Optional<Versioned<Session>> retried = sessions.find(id);
        if (retried.isPresent()) {
            return retried.get();
        }
        if (!course.active()) {
            throw new BusinessRuleException("seance.cours-retire", course.title().fr());
        }
        Change<Session> change = Session.schedule(id, course.id(), course.title(), course.themes(),
                course.networkId(), command.startDate(), command.endDate(),
                command.hours() == null ? course.hours() : command.hours(), command.mode(), command.location(),
                command.seats(), command.memberPrice(), command.nonMemberPrice(), command.registrationDeadline(),
                clock.today());
        try {
            return sessions.insert(id, change.state(), change.events());
        } catch (DuplicateKeyException concurrentRetry) {
            return get(id);
        }
    }

    /** Changes a session's details, only if it is still at the version the caller read (If-Match). */
    public Versioned<Session> update(EsacUser user, String id, long expectedVersion, ScheduleSession command) {
        return sessions.change(id, expectedVersion, s -> user.requireStaffOf(s.networkId()), s -> {
            LocalDate today = clock.today();
            return s.update(command.startDate(), command.endDate(),
                    command.hours() == null ? s.hours() : command.hours(), command.mode(), command.location(),
                    command.seats(), command.memberPrice(), command.nonMemberPrice(), command.registrationDeadline(),
                    today, (organizationId, networkId) -> standings.isInGoodStanding(organizationId, networkId,
                            today));
        });
    }

    public Versioned<Session> openRegistrations(EsacUser user, String id) {
        return staffChange(user, id, s -> s.openRegistrations(clock.today()));
    }

    public Versioned<Session> closeRegistrations(EsacUser user, String id) {
        return staffChange(user, id, s -> s.closeRegistrations());
    }

    public Versioned<Session> cancel(EsacUser user, String id, String reason) {
        return staffChange(user, id, s -> s.cancel(reason.strip(), clock.today()));
    }

    public Versioned<Session> complete(EsacUser user, String id) {
        return staffChange(user, id,
                s -> s.complete(clock.today(), () -> UUID.randomUUID().toString(), VerificationCodes::next));
    }

    public Versioned<Session> recordAttendance(EsacUser user, String id, Map<String, BigDecimal> hours) {
        return staffChange(user, id, s -> s.recordAttendance(hours, clock.today()));
    }

    // --- Organizations: registrations ----------------------------------------------------------------------

    /** Registers an employee of the organization's roster, or an external person the organization pays for. */
    public RegistrationResult register(EsacUser user, String sessionId, Register command, String idempotencyKey) {
        String registrationId = IdempotencyKeys.idFor(user, "registration:" + sessionId, idempotencyKey);
        Versioned<Session> saved = sessions.change(sessionId, null,
                s -> requireActForOrganization(user, s, command.organizationId()), s -> {
                    if (s.registration(registrationId).isPresent()) {
                        return Change.unchanged(); // a retry: what the first request registered
                    }
                    organizations.find(command.organizationId()).filter(o -> o.closedOn() != null)
                            .ifPresent(closed -> {
                                throw new BusinessRuleException("inscription.organisation-fermee",
                                        closed.legalName(), closed.closedOn().toString());
                            });
                    Price price = Pricing.quote(s, standings.isInGoodStanding(command.organizationId(),
                            s.networkId(), clock.today()));
                    return s.register(registrationId, command.organizationId(), participant(command), price,
                            clock.today(), clock.now());
                });
        return new RegistrationResult(saved, saved.state().requireRegistration(registrationId));
    }

    public Versioned<Session> cancelRegistration(EsacUser user, String sessionId, String registrationId) {
        return sessions.change(sessionId, null,
                s -> requireActForOrganization(user, s, s.requireRegistration(registrationId).organizationId()),
                s -> {
                    LocalDate today = clock.today();
                    return s.cancelRegistration(registrationId, today,
                            (organizationId, networkId) -> standings.isInGoodStanding(organizationId, networkId,
                                    today));
                });
    }

    /** The participant rates the session; their organization's administrator or staff may record it for them. */
    public Versioned<Session> rate(EsacUser user, String sessionId, String registrationId, int rating) {
        return sessions.change(sessionId, null, s -> {
            Registration registration = s.requireRegistration(registrationId);
            if (!roster.isSamePerson(user.id(), registration.participant().personId())) {
                requireActForOrganization(user, s, registration.organizationId());
            }
        }, s -> s.rate(registrationId, rating));
    }

    /** Whether the caller is this participant (their token subject, or the account linked to their roster entry). */
    public boolean isSamePerson(EsacUser user, String personId) {
        return roster.isSamePerson(user.id(), personId);
    }

    /** The person ids of the caller: their token subject and every roster entry linked to their account. */
    public Set<String> personIdsOf(EsacUser user) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(user.id());
        ids.addAll(roster.employeeIdsOf(user.id()));
        return ids;
    }

    /**
     * A person corrects the name (and e-mail) training holds on their registrations.
     *
     * @return how many registrations changed
     */
    public int correctParticipant(Set<String> personIds, String firstName, String lastName, String email) {
        int corrected = 0;
        for (Session session : sessionsOfPeople(personIds)) {
            sessions.change(session.id(), null, s -> { }, s -> {
                Session changed = s.withParticipantsCorrected(personIds, firstName, lastName, email);
                return changed == null ? Change.unchanged() : Change.of(changed);
            });
            corrected += (int) session.registrations().stream()
                    .filter(r -> personIds.contains(r.participant().personId())).count();
        }
        return corrected;
    }

    /** Every session where one of these people has a registration, most recent first. */
    public List<Session> sessionsOfPeople(Collection<String> personIds) {
        return sessions.ofPeople(personIds);
    }

    // --- Reading -------------------------------------------------------------------------------------------

    public Versioned<Session> get(String id) {
        return sessions.get(id);
    }

    /** Sessions for the public calendar: optionally of one course or network, from a day on, by start date. */
    public PageView<Versioned<Session>> search(String courseId, String networkId, SessionStatus status,
                                               LocalDate from, int page, int size) {
        return sessions.search(courseId, networkId, status, from, page, size);
    }

    /** The registrations of a session the caller may see: all for its network's staff, its own for an organization. */
    public List<Registration> registrationsVisibleTo(EsacUser user, Session session) {
        if (user.isStaffOf(session.networkId())) {
            return session.registrations();
        }
        if (user.isOrgAdmin()) {
            return session.registrations().stream()
                    .filter(r -> user.administers(r.organizationId())).toList();
        }
        throw new ForbiddenException("acces.refuse");
    }

    /** Every session where the person has a registration, most recent first. */
    public List<Session> sessionsOfPerson(String personId) {
        return sessions.ofPeople(List.of(personId));
    }

    /** Every session where the organization registered someone, most recent first. */
    public List<Session> sessionsOfOrganization(String organizationId) {
        return sessions.ofOrganization(organizationId);
    }

    public Optional<Session> sessionWithAttestation(String verificationCode) {
        return sessions.withAttestation(verificationCode);
    }

    /** Sessions completed whose first day falls in [from, to], optionally of one network. */
    public List<Session> completedBetween(LocalDate from, LocalDate to, String networkId) {
        return sessions.completedBetween(from, to, networkId);
    }

    // --- Internals -----------------------------------------------------------------------------------------

    /** A command only the staff of the session's network may give. */
    private Versioned<Session> staffChange(EsacUser user, String id, Function<Session, Change<Session>> command) {
        return sessions.change(id, null, s -> user.requireStaffOf(s.networkId()), command);
    }

    private Participant participant(Register command) {
        if (command.employeeId() != null) {
            RosterEntry employee = roster.find(command.employeeId())
                    .filter(e -> e.worksFor(command.organizationId(), clock.today()))
                    .orElseThrow(() -> new BusinessRuleException("inscription.employe-inconnu", command.employeeId(),
                            command.organizationId()));
            return Participant.employee(employee.id(), employee.firstName(), employee.lastName());
        }
        return Participant.external(command.firstName(), command.lastName(), command.email());
    }

    /** Staff of the network running the session, or an administrator of the organization. */
    private static void requireActForOrganization(EsacUser user, Session session, String organizationId) {
        user.requireOrganizationIn(organizationId, session.networkId());
    }

    public record ScheduleSession(String courseId, LocalDate startDate, LocalDate endDate, BigDecimal hours,
                                  DeliveryMode mode, String location, int seats, BigDecimal memberPrice,
                                  BigDecimal nonMemberPrice, LocalDate registrationDeadline) {
    }

    /** Either {@code employeeId} (from the roster) or the external person's names and e-mail. */
    public record Register(String organizationId, String employeeId, String firstName, String lastName, String email) {
    }

    public record RegistrationResult(Versioned<Session> session, Registration registration) {
    }
}
