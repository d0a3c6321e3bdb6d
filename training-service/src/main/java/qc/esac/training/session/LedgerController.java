package qc.esac.training.session;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.training.privacy.AccessLog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * UEC ledgers and registrations per person and per organization. A person sees their own; an organization's
 * administrator sees what their organization registered; network staff see what their network gave.
 */
@RestController
@Validated
class LedgerController {

    private final SessionService sessions;
    private final AccessLog accessLog;

    LedgerController(SessionService sessions, AccessLog accessLog) {
        this.sessions = sessions;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/training/people/{personId}/ledger")
    @Operation(summary = "Lire le relevé d’UEC d’une personne",
            description = "A person's CEU ledger: their attestations and the sum of their CEUs.")
    PersonLedger personLedger(@PathVariable String personId,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, EsacUser user) {
        List<Registration> visible = visibleRegistrations(user, personId);
        accessLog.read(user, subjects(visible), "person-ledger", "/people/" + personId + "/ledger");
        List<Ledger.Entry> entries = Ledger.entries(sessions.sessionsOfPerson(personId),
                (s, r) -> visible.contains(r), LocaleContextHolder.getLocale());
        return new PersonLedger(personId, entries.size(), Ledger.totalHours(entries), Ledger.totalUec(entries),
                PageView.of(entries, page, size));
    }

    @GetMapping("/api/training/people/{personId}/registrations")
    @Operation(summary = "Lister les inscriptions d’une personne",
            description = "A person's registrations, most recent session first.")
    PageView<RegistrationController.RegistrationView> personRegistrations(
            @PathVariable String personId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, EsacUser user) {
        List<Registration> visible = visibleRegistrations(user, personId);
        accessLog.read(user, subjects(visible), "person-registrations", "/people/" + personId + "/registrations");
        List<RegistrationController.RegistrationView> views = sessions.sessionsOfPerson(personId).stream()
                .flatMap(s -> s.registrations().stream().filter(visible::contains)
                        .map(r -> RegistrationController.RegistrationView.of(s, r, LocaleContextHolder.getLocale())))
                .toList();
        return PageView.of(views, page, size);
    }

    @GetMapping("/api/training/me/ledger")
    @Operation(summary = "Lire son propre relevé d’UEC",
            description = "The caller's own CEU ledger, over every employment linked to their account.")
    PersonLedger myLedger(@RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, EsacUser user) {
        Set<String> mine = sessions.personIdsOf(user);
        List<Ledger.Entry> entries = Ledger.entries(sessions.sessionsOfPeople(mine),
                (s, r) -> mine.contains(r.participant().personId()), LocaleContextHolder.getLocale());
        return new PersonLedger(user.id(), entries.size(), Ledger.totalHours(entries), Ledger.totalUec(entries),
                PageView.of(entries, page, size));
    }

    @GetMapping("/api/training/me/registrations")
    @Operation(summary = "Lister ses propres inscriptions",
            description = "The caller's own registrations, most recent session first.")
    PageView<RegistrationController.RegistrationView> myRegistrations(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, EsacUser user) {
        Set<String> mine = sessions.personIdsOf(user);
        return PageView.of(sessions.sessionsOfPeople(mine).stream()
                .flatMap(s -> s.registrations().stream().filter(r -> mine.contains(r.participant().personId()))
                        .map(r -> RegistrationController.RegistrationView.of(s, r, LocaleContextHolder.getLocale())))
                .toList(), page, size);
    }

    @GetMapping("/api/training/organizations/{organizationId}/ledger")
    @Operation(summary = "Lire le relevé d’UEC d’une organisation",
            description = "An organization's people with their attestations and CEUs.")
    OrganizationLedger organizationLedger(@PathVariable String organizationId,
                                          @RequestParam(required = false) LocalDate from,
                                          @RequestParam(required = false) LocalDate to,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                          EsacUser user) {
        boolean admin = user.administers(organizationId);
        if (!admin && !user.isStaff()) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
        List<Session> found = sessions.sessionsOfOrganization(organizationId).stream()
                .filter(s -> admin || user.isStaffOf(s.networkId())).toList();
        Predicate<Registration> inPeriod = r -> r.attestation() != null
                && (from == null || !r.attestation().issuedOn().isBefore(from))
                && (to == null || !r.attestation().issuedOn().isAfter(to));
        List<Ledger.Entry> entries = Ledger.entries(found,
                (s, r) -> r.organizationId().equals(organizationId) && inPeriod.test(r),
                LocaleContextHolder.getLocale());
        accessLog.read(user, entries.stream().map(e -> new AccessLog.Subject(e.personId(), e.organizationId()))
                .toList(), "organization-ledger", "/organizations/" + organizationId + "/ledger");
        return new OrganizationLedger(organizationId, entries.size(), Ledger.totalHours(entries),
                Ledger.totalUec(entries), PageView.of(Ledger.perPerson(entries), page, size));
    }

    /**
     * The person's registrations the caller may see: all of them for the person themselves; for anyone else, those
     * their organization made or their network ran, and a 403 when that is none (the person is not theirs: an empty
     * answer would still tell them something, and they have no business asking).
     */
    private List<Registration> visibleRegistrations(EsacUser user, String personId) {
        boolean self = sessions.isSamePerson(user, personId);
        List<Registration> visible = sessions.sessionsOfPerson(personId).stream()
                .flatMap(s -> s.registrations().stream().filter(r -> r.participant().personId().equals(personId)
                        && (self || visibleTo(user, s, r))))
                .toList();
        if (!self && visible.isEmpty()) {
            throw new ForbiddenException("acces.personne-refusee");
        }
        return visible;
    }

    private static List<AccessLog.Subject> subjects(List<Registration> shown) {
        return shown.stream().map(r -> new AccessLog.Subject(r.participant().personId(), r.organizationId()))
                .toList();
    }

    /** An administrator of the organization that registered them, or staff of the network that ran the session. */
    private static boolean visibleTo(EsacUser user, Session session, Registration r) {
        return user.canActForOrganizationIn(r.organizationId(), session.networkId());
    }

    record PersonLedger(String personId, int attestations, BigDecimal totalHours, BigDecimal totalUec,
                        PageView<Ledger.Entry> entries) {
    }

    record OrganizationLedger(String organizationId, int attestations, BigDecimal totalHours, BigDecimal totalUec,
                              PageView<Ledger.PersonTotal> people) {
    }
}
