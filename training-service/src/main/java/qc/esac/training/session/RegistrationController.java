package qc.esac.training.session;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import qc.esac.kit.docs.ApiSuccess;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.training.IdempotencyKeys;
import qc.esac.training.privacy.AccessLog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Registrations to a session: {@code /api/training/sessions/{id}/registrations}. */
@RestController
@Validated
@RequestMapping("/api/training/sessions/{sessionId}/registrations")
class RegistrationController {

    private final SessionService sessions;
    private final AccessLog accessLog;

    RegistrationController(SessionService sessions, AccessLog accessLog) {
        this.sessions = sessions;
        this.accessLog = accessLog;
    }

    @PostMapping
    @Operation(summary = "Inscrire une personne à une séance",
            description = "Register an employee of the organization's roster, or an external person (organization "
            + "administrators, staff).")
    @ApiSuccess(status = 201)
    ResponseEntity<RegistrationView> register(@PathVariable String sessionId,
                                              @Valid @RequestBody RegistrationRequest request,
                                              @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                              EsacUser user) {
        SessionService.RegistrationResult result = sessions.register(user, sessionId, new SessionService.Register(
                request.organizationId(), request.employeeId(),
                request.person() == null ? null : request.person().firstName(),
                request.person() == null ? null : request.person().lastName(),
                request.person() == null ? null : request.person().email()), key);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .build(result.registration().id()))
                .body(RegistrationView.of(result.session().state(), result.registration(),
                        LocaleContextHolder.getLocale()));
    }

    @GetMapping
    @Operation(summary = "Lister les inscriptions d’une séance",
            description = "The session's registrations: all for its network's staff, its own for an organization.")
    PageView<RegistrationView> list(@PathVariable String sessionId,
                                    @RequestParam(required = false) RegistrationStatus status,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, EsacUser user) {
        Session session = sessions.get(sessionId).state();
        List<Registration> visible = sessions.registrationsVisibleTo(user, session).stream()
                .filter(r -> status == null || r.status() == status).toList();
        PageView<RegistrationView> shown = PageView.of(visible.stream()
                .map(r -> RegistrationView.of(session, r, LocaleContextHolder.getLocale())).toList(), page, size);
        accessLog.read(user, shown.items().stream().map(r -> new AccessLog.Subject(r.personId(),
                r.organizationId())).toList(), "registrations", "/sessions/" + sessionId + "/registrations");
        return shown;
    }

    @GetMapping("/{registrationId}")
    @Operation(summary = "Lire une inscription",
            description = "Read a registration.")
    RegistrationView get(@PathVariable String sessionId, @PathVariable String registrationId, EsacUser user) {
        Session session = sessions.get(sessionId).state();
        Registration registration = sessions.registrationsVisibleTo(user, session).stream()
                .filter(r -> r.id().equals(registrationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("inscription.introuvable", registrationId,
                        sessionId));
        accessLog.read(user, registration.participant().personId(), registration.organizationId(), "registration",
                "/sessions/" + sessionId + "/registrations/" + registrationId);
        return RegistrationView.of(session, registration, LocaleContextHolder.getLocale());
    }

    @PostMapping("/{registrationId}/cancel")
    @Operation(summary = "Annuler une inscription",
            description = "Cancel a registration before the session starts; the first person waiting gets the seat.")
    RegistrationView cancel(@PathVariable String sessionId, @PathVariable String registrationId, EsacUser user) {
        Versioned<Session> saved = sessions.cancelRegistration(user, sessionId, registrationId);
        return RegistrationView.of(saved.state(), saved.state().requireRegistration(registrationId),
                LocaleContextHolder.getLocale());
    }

    @PutMapping("/{registrationId}/satisfaction")
    @Operation(summary = "Évaluer une séance suivie",
            description = "The participant's 1-5 rating of a session they attended.")
    RegistrationView rate(@PathVariable String sessionId, @PathVariable String registrationId,
                          @Valid @RequestBody SatisfactionRequest request, EsacUser user) {
        Versioned<Session> saved = sessions.rate(user, sessionId, registrationId, request.rating());
        return RegistrationView.of(saved.state(), saved.state().requireRegistration(registrationId),
                LocaleContextHolder.getLocale());
    }

    record PersonRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
                         @NotBlank @Email @Size(max = 200) String email) {
    }

    /** Exactly one of {@code employeeId} (a roster employee) and {@code person} (someone external). */
    record RegistrationRequest(@NotBlank @Size(max = 80) String organizationId, @Size(max = 80) String employeeId,
                               @Valid PersonRequest person) {

        @AssertTrue(message = "{esac.validation.employe-ou-personne}")
        boolean isEmployeeOrPerson() {
            return (employeeId == null) != (person == null);
        }
    }

    record SatisfactionRequest(@NotNull @Min(1) @Max(5) Integer rating) {
    }

    record AttestationView(String id, String verificationCode, BigDecimal hours, BigDecimal uec, LocalDate issuedOn) {
    }

    record RegistrationView(String id, String sessionId, String courseTitle, LocalDate startDate,
                            String organizationId, String personId, boolean employee, String firstName,
                            String lastName, RegistrationStatus status, Integer waitlistPosition, BigDecimal price,
                            boolean memberPrice, boolean promotedFromWaitlist, Instant registeredAt,
                            LocalDate cancelledOn, boolean lateCancellation, BigDecimal attendedHours,
                            BigDecimal attendancePercent, AttestationView attestation, Integer satisfaction) {

        static RegistrationView of(Session session, Registration r, Locale locale) {
            int position = session.waitlist().indexOf(r);
            Attestation a = r.attestation();
            return new RegistrationView(r.id(), session.id(), session.courseTitle(locale), session.startDate(),
                    r.organizationId(), r.participant().personId(), r.participant().employee(),
                    r.participant().firstName(), r.participant().lastName(), r.status(),
                    position < 0 ? null : position + 1, r.price(), r.memberPrice(), r.promotedFromWaitlist(),
                    r.registeredAt(), r.cancelledOn(), r.lateCancellation(), r.attendedHours(),
                    r.attendedHours() == null ? null : AttendanceRule.percent(r.attendedHours(), session.hours()),
                    a == null ? null : new AttestationView(a.id(), a.verificationCode(), a.hours(), a.uec(),
                            a.issuedOn()), r.satisfaction());
        }
    }
}
