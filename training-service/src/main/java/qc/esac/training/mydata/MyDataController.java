package qc.esac.training.mydata;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.security.EsacUser;
import qc.esac.training.TrainingClock;
import qc.esac.training.diagnostic.DiagnosticService;
import qc.esac.training.pamt.Agreement;
import qc.esac.training.pamt.AgreementStatus;
import qc.esac.training.pamt.PamtService;
import qc.esac.training.privacy.AccessLog;
import qc.esac.training.session.Attestation;
import qc.esac.training.session.Ledger;
import qc.esac.training.session.RegistrationStatus;
import qc.esac.training.session.Session;
import qc.esac.training.session.SessionService;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A person's own training data (Law 25): everything training holds about them, in one JSON export, and the
 * correction of their name (and e-mail, where training holds one). Whoever is signed in acts on their own data
 * only: their token subject and the roster entries linked to their account.
 */
@RestController
@RequestMapping("/api/training/me")
class MyDataController {

    private final SessionService sessions;
    private final PamtService pamt;
    private final DiagnosticService diagnostics;
    private final AccessLog accessLog;
    private final TrainingClock clock;

    MyDataController(SessionService sessions, PamtService pamt, DiagnosticService diagnostics, AccessLog accessLog,
                     TrainingClock clock) {
        this.sessions = sessions;
        this.pamt = pamt;
        this.diagnostics = diagnostics;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/data")
    @Operation(summary = "Exporter ses données de formation",
            description = "Export everything training holds about the caller: registrations, attestations and CEU "
            + "ledger.")
    PersonalData export(EsacUser user, Locale locale) {
        Set<String> mine = sessions.personIdsOf(user);
        List<Session> theirSessions = sessions.sessionsOfPeople(mine);
        List<RegistrationData> registrations = theirSessions.stream().flatMap(s -> s.registrations().stream()
                .filter(r -> mine.contains(r.participant().personId()))
                .map(r -> new RegistrationData(r.id(), s.id(), s.courseId(), s.courseTitle(locale), s.networkId(),
                        s.startDate(), s.endDate(), r.organizationId(), r.participant().personId(),
                        r.participant().firstName(), r.participant().lastName(), r.participant().email(), r.status(),
                        r.price(), r.registeredAt(), r.cancelledOn(), r.attendedHours(), r.attestation(),
                        r.satisfaction()))).toList();
        List<Ledger.Entry> entries = Ledger.entries(theirSessions, (s, r) -> mine.contains(r.participant().personId()),
                locale);
        List<AgreementData> agreements = pamt.agreementsOfPeople(mine).stream().map(a -> new AgreementData(a.id(),
                a.standardCode(), a.standardTitleText().in(locale), a.organizationId(),
                mine.contains(a.apprentice().employeeId()) ? "APPRENTICE" : "COMPANION",
                mine.contains(a.apprentice().employeeId()) ? a.apprentice() : a.companion(), a.signedOn(),
                a.status(), a.competencies(), a.certificate(), a.endedOn())).toList();
        return new PersonalData(List.copyOf(mine), clock.now(), registrations,
                new LedgerData(entries.size(), Ledger.totalHours(entries), Ledger.totalUec(entries), entries),
                agreements, diagnostics.answersOf(user), accessLog.about(mine));
    }

    @PutMapping("/personal-data")
    @Operation(summary = "Corriger son nom sur ses inscriptions",
            description = "Correct the caller's name (and e-mail, where training holds one) on their registrations.")
    Correction correct(@Valid @RequestBody CorrectionRequest request, EsacUser user) {
        Set<String> mine = sessions.personIdsOf(user);
        int registrations = sessions.correctParticipant(mine, request.firstName(), request.lastName(),
                request.email());
        int agreements = pamt.correctPerson(mine, request.firstName(), request.lastName());
        accessLog.corrected(user, mine, "correction");
        return new Correction(registrations, agreements);
    }

    record CorrectionRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
                             @Email @Size(max = 200) String email) {
    }

    record Correction(int registrationsCorrected, int agreementsCorrected) {
    }

    record RegistrationData(String registrationId, String sessionId, String courseId, String courseTitle,
                            String networkId, LocalDate startDate, LocalDate endDate, String organizationId,
                            String personId, String firstName, String lastName, String email,
                            RegistrationStatus status, BigDecimal price, Instant registeredAt, LocalDate cancelledOn,
                            BigDecimal attendedHours, Attestation attestation, Integer satisfaction) {
    }

    record LedgerData(int attestations, BigDecimal totalHours, BigDecimal totalUec, List<Ledger.Entry> entries) {
    }

    record AgreementData(String agreementId, String standardCode, String standardTitle, String organizationId,
                         String role, Agreement.Person person, LocalDate signedOn, AgreementStatus status,
                         List<Agreement.CompetencyProgress> competencies, Agreement.Certificate certificate,
                         LocalDate endedOn) {
    }

    record PersonalData(List<String> personIds, Instant exportedAt, List<RegistrationData> registrations,
                        LedgerData ledger, List<AgreementData> apprenticeship,
                        List<DiagnosticService.OwnAnswer> diagnosticAnswers, List<AccessLog.Entry> accessLog) {
    }
}
