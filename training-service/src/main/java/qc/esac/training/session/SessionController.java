package qc.esac.training.session;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.kit.web.VersionHeaders;
import qc.esac.training.IdempotencyKeys;
import qc.esac.training.catalogue.DeliveryMode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sessions over HTTP: {@code /api/training/sessions}; the calendar is open to everyone, the rest to staff. */
@RestController
@Validated
@RequestMapping("/api/training/sessions")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "Consulter le calendrier des séances (sans jeton)",
            description = "The session calendar (no login needed).")
    PageView<SessionView> search(@RequestParam(required = false) String courseId,
                                 @RequestParam(required = false) String networkId,
                                 @RequestParam(required = false) SessionStatus status,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Locale locale) {
        PageView<Versioned<Session>> found = sessions.search(courseId, networkId, status, from, page, size);
        return new PageView<>(found.items().stream().map(s -> SessionView.of(s, locale)).toList(), found.page(),
                found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une séance et ses places restantes (sans jeton)",
            description = "One session, with seats left (no login needed).")
    @ApiSuccess(etag = true)
    ResponseEntity<SessionView> get(@PathVariable String id) {
        return view(sessions.get(id));
    }

    @PostMapping
    @Operation(summary = "Planifier une séance d’un cours du catalogue",
            description = "Schedule a session of a catalogue course.")
    @ApiSuccess(status = 201, etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<SessionView> schedule(@Valid @RequestBody ScheduleRequest request,
                                         @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                         EsacUser user, Locale locale) {
        Versioned<Session> created = sessions.schedule(user, new SessionService.ScheduleSession(request.courseId(),
                request.startDate(), request.endDate(), request.hours(), request.mode(), request.location(),
                request.seats(), request.memberPrice(), request.nonMemberPrice(), request.registrationDeadline()), key);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(SessionView.of(created, locale));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier une séance qui n’a pas commencé",
            description = "Change a session that has not started (If-Match required); added seats go to the waiting "
            + "list.")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<SessionView> update(@PathVariable String id,
                                       @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody UpdateRequest request, EsacUser user) {
        long expected = VersionHeaders.requiredVersion(ifMatch);
        return view(sessions.update(user, id, expected, new SessionService.ScheduleSession(null,
                request.startDate(), request.endDate(), request.hours(), request.mode(), request.location(),
                request.seats(), request.memberPrice(), request.nonMemberPrice(), request.registrationDeadline())));
    }

    @PostMapping("/{id}/open")
    @Operation(summary = "Ouvrir les inscriptions",
            description = "Open registrations.")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<SessionView> open(@PathVariable String id, EsacUser user) {
        return view(sessions.openRegistrations(user, id));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Fermer les inscriptions",
            description = "Close registrations (the session will still be given).")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<SessionView> close(@PathVariable String id, EsacUser user) {
        return view(sessions.closeRegistrations(user, id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Annuler la séance et ses inscriptions",
            description = "Cancel the session and its registrations.")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<SessionView> cancel(@PathVariable String id, @Valid @RequestBody CancelRequest request,
                                       EsacUser user) {
        return view(sessions.cancel(user, id, request.reason()));
    }

    @PutMapping("/{id}/attendance")
    @Operation(summary = "Consigner les présences",
            description = "Record hours attended per confirmed registration (from the first day of the session).")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<SessionView> attendance(@PathVariable String id, @Valid @RequestBody AttendanceRequest request,
                                           EsacUser user) {
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        request.entries().forEach(entry -> hours.put(entry.registrationId(), entry.hours()));
        return view(sessions.recordAttendance(user, id, hours));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Clore une séance donnée",
            description = "Close a session that was given: issues attestations to participants with 90% attendance.")
    @ApiSuccess(etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<SessionView> complete(@PathVariable String id, EsacUser user) {
        return view(sessions.complete(user, id));
    }

    private static ResponseEntity<SessionView> view(Versioned<Session> session) {
        return ResponseEntity.ok().eTag(VersionHeaders.etag(session.version()))
                .body(SessionView.of(session, LocaleContextHolder.getLocale()));
    }

    record ScheduleRequest(
            @NotBlank String courseId,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @DecimalMin("0.5") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal hours,
            @NotNull DeliveryMode mode,
            @Size(max = 300) String location,
            @Min(1) @Max(1000) int seats,
            @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal memberPrice,
            @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal nonMemberPrice,
            @NotNull LocalDate registrationDeadline) {
    }

    /** A session's details as staff may change them; the course stays the same. */
    record UpdateRequest(
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @DecimalMin("0.5") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal hours,
            @NotNull DeliveryMode mode,
            @Size(max = 300) String location,
            @Min(1) @Max(1000) int seats,
            @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal memberPrice,
            @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal nonMemberPrice,
            @NotNull LocalDate registrationDeadline) {
    }

    record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record AttendanceRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid AttendanceEntry> entries) {
    }

    record AttendanceEntry(@NotBlank String registrationId,
                           @NotNull @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal hours) {
    }

    /** A session as the public calendar shows it; registrations are listed separately, to those allowed. */
    record SessionView(String id, String courseId, String courseTitle, List<String> themes, String networkId,
                       LocalDate startDate, LocalDate endDate, BigDecimal hours, BigDecimal uec, DeliveryMode mode,
                       String location, int seats, int seatsLeft, int waitlisted, BigDecimal memberPrice,
                       BigDecimal nonMemberPrice, LocalDate registrationDeadline, SessionStatus status,
                       String cancellationReason, LocalDate completedOn, long version) {

        static SessionView of(Versioned<Session> versioned, Locale locale) {
            Session s = versioned.state();
            return new SessionView(s.id(), s.courseId(), s.courseTitle(locale), s.themes(), s.networkId(),
                    s.startDate(), s.endDate(), s.hours(), s.uec(), s.mode(), s.location(), s.seats(), s.seatsLeft(),
                    s.waitlist().size(), s.memberPrice(), s.nonMemberPrice(), s.registrationDeadline(), s.status(),
                    s.cancellationReason(), s.completedOn(), versioned.version());
        }
    }
}
