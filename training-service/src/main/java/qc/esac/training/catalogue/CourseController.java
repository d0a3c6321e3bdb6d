package qc.esac.training.catalogue;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The catalogue over HTTP: {@code /api/training/courses}; reading is open to everyone. */
@RestController
@Validated
@RequestMapping("/api/training/courses")
class CourseController {

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    @GetMapping
    @Operation(summary = "Parcourir et rechercher le catalogue (sans jeton)",
            description = "Browse and search the catalogue (no login needed).")
    PageView<CourseView> search(@RequestParam(required = false) @Size(max = 200) String q,
                                @RequestParam(required = false) String theme,
                                @RequestParam(required = false) String audience,
                                @RequestParam(required = false) DeliveryFormat format,
                                @RequestParam(required = false) DeliveryMode mode,
                                @RequestParam(required = false) String networkId,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageView<Versioned<Course>> found = courses.search(
                new CourseService.CourseFilter(q, theme, audience, format, mode, networkId), page, size);
        return new PageView<>(found.items().stream().map(CourseView::of).toList(), found.page(), found.size(),
                found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un cours du catalogue (sans jeton)",
            description = "One course of the catalogue (no login needed).")
    @ApiSuccess(etag = true)
    ResponseEntity<CourseView> get(@PathVariable String id) {
        Versioned<Course> course = courses.get(id);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(course.version())).body(CourseView.of(course));
    }

    @PostMapping
    @Operation(summary = "Ajouter un cours au catalogue du réseau",
            description = "Add a course to the catalogue of the caller's network.")
    @ApiSuccess(status = 201, etag = true)
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<CourseView> create(@Valid @RequestBody CourseRequest request,
                                      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                      EsacUser user) {
        Versioned<Course> created = courses.create(user, request.details(), key);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(VersionHeaders.etag(created.version())).body(CourseView.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Remplacer la description d’un cours",
            description = "Replace a course's description (If-Match required); active=false withdraws it.")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<CourseView> update(@PathVariable String id,
                                      @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody CourseRequest request, EsacUser user) {
        long expected = VersionHeaders.requiredVersion(ifMatch);
        Versioned<Course> updated = courses.update(user, id, expected, request.details(),
                request.active() == null || request.active());
        return ResponseEntity.ok().eTag(VersionHeaders.etag(updated.version())).body(CourseView.of(updated));
    }

    record CourseRequest(
            @NotBlank @Size(max = 80) String networkId,
            @NotNull @Valid LocalizedText title,
            @NotNull @Valid LocalizedText description,
            @Size(max = 30) List<@NotNull @Valid LocalizedText> objectives,
            @Valid LocalizedText targetAudience,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "{esac.validation.code}") String> audiences,
            @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "{esac.validation.code}") String> themes,
            @NotEmpty Set<@NotNull DeliveryFormat> formats,
            @NotEmpty Set<@NotNull DeliveryMode> modes,
            @NotNull @DecimalMin(value = "0.5") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal hours,
            @Size(max = 20) List<@NotNull @Valid Trainer> trainers,
            Boolean active) {

        CourseService.CourseDetails details() {
            return new CourseService.CourseDetails(networkId, title, description, objectives, targetAudience,
                    audiences, themes, formats, modes, hours, trainers);
        }
    }

    record CourseView(String id, String networkId, LocalizedText title, LocalizedText description,
                      List<LocalizedText> objectives, LocalizedText targetAudience, List<String> audiences,
                      List<String> themes, Set<DeliveryFormat> formats, Set<DeliveryMode> modes, BigDecimal hours,
                      BigDecimal uec, List<Trainer> trainers, boolean active, long version) {

        static CourseView of(Versioned<Course> versioned) {
            Course c = versioned.state();
            return new CourseView(c.id(), c.networkId(), c.title(), c.description(), c.objectives(),
                    c.targetAudience(), c.audiences(), c.themes(), c.formats(), c.modes(), c.hours(),
                    Uec.ofHours(c.hours()), c.trainers(), c.active(), versioned.version());
        }
    }
}
