package qc.esac.projects.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.web.PageView;
import qc.esac.projects.project.ProjectViews.PublicProjectView;
import qc.esac.projects.vocabulary.TargetedIssue;

/** Anyone may read the public fields of active projects: {@code /api/projects/public/projects}. */
@RestController
@RequestMapping("/api/projects/public/projects")
@Tag(name = "Projets (public)", description = "Lecture publique des projets en cours")
class PublicProjectController {

    private final ProjectService projects;
    private final ProjectViews views;

    PublicProjectController(ProjectService projects, ProjectViews views) {
        this.projects = projects;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Rechercher les projets actifs (sans jeton)",
            description = "Active projects, filtered (no token needed).")
    PageView<PublicProjectView> search(@RequestParam(required = false) TargetedIssue issue,
                                       @RequestParam(required = false) String leadOrganizationId,
                                       @RequestParam(required = false) @Pattern(regexp = "0[1-9]|1[0-7]") String region,
                                       @RequestParam(required = false) @Size(max = 100) String q,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageView<Versioned<Project>> found = projects.searchPublic(
                new ProjectService.ProjectFilter(issue, leadOrganizationId, region, null, q), page, size);
        return new PageView<>(found.items().stream().map(v -> views.publicView(v.state())).toList(), found.page(),
                found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire les champs publics d’un projet actif (sans jeton)",
            description = "An active project's public fields (no token needed); 404 for any other.")
    PublicProjectView get(@PathVariable String id) {
        return views.publicView(projects.getPublic(id));
    }
}
