package qc.esac.training.diagnostic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.security.EsacUser;
import qc.esac.training.TrainingClock;
import qc.esac.training.catalogue.Course;
import qc.esac.training.catalogue.CourseService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Training-needs diagnostics of organizations, consolidated into priorities matched with the catalogue. */
@Service
public class DiagnosticService {

    private final Diagnostics diagnostics;
    private final CourseService courses;
    private final TrainingClock clock;
    private final int minimumEmployees;

    DiagnosticService(Diagnostics diagnostics, CourseService courses, TrainingClock clock,
                      @Value("${esac.training.diagnostic.minimum-employee-respondents:3}") int minimumEmployees) {
        this.minimumEmployees = minimumEmployees;
        this.diagnostics = diagnostics;
        this.courses = courses;
        this.clock = clock;
    }

    public Versioned<Diagnostic> open(EsacUser user, String organizationId, String networkId, List<String> themes) {
        user.requireOrganizationIn(organizationId, networkId);
        String id = UUID.randomUUID().toString();
        return diagnostics.insert(id, Diagnostic.open(id, organizationId, networkId, themes, clock.today()));
    }

    /**
     * An employee of the organization answers as an employee, its administrator as the manager. Nobody else
     * answers, staff included: the diagnostic is the organization's own voice.
     */
    public Versioned<Diagnostic> answer(EsacUser user, String id, Map<String, Integer> ratings) {
        return diagnostics.change(id, null, d -> roleOf(user, d),
                d -> Change.of(d.answer(user.id(), roleOf(user, d), ratings, clock.today())));
    }

    public Versioned<Diagnostic> complete(EsacUser user, String id) {
        return diagnostics.change(id, null, d -> user.requireOrganizationIn(d.organizationId(), d.networkId()), 
                d -> d.complete(clock.today(), minimumEmployees));
    }

    /** The role the caller answers in, or 403: nobody else answers, staff included. */
    private static Diagnostic.Role roleOf(EsacUser user, Diagnostic d) {
        if (user.administers(d.organizationId())) {
            return Diagnostic.Role.MANAGER;
        }
        if (user.isEmployee() && user.organizationIds().contains(d.organizationId())) {
            return Diagnostic.Role.EMPLOYEE;
        }
        throw new ForbiddenException("diagnostic.repondant-hors-organisation", d.organizationId());
    }

    public Versioned<Diagnostic> get(EsacUser user, String id) {
        Versioned<Diagnostic> diagnostic = find(id);
        Diagnostic d = diagnostic.state();
        boolean respondent = user.isEmployee() && user.organizationIds().contains(d.organizationId());
        if (!respondent) {
            user.requireOrganizationIn(d.organizationId(), d.networkId());
        }
        return diagnostic;
    }

    public List<Diagnostic> ofOrganization(EsacUser user, String organizationId) {
        if (!user.administers(organizationId) && !user.isStaff()) {
            throw new ForbiddenException("acces.organisation-refusee", organizationId);
        }
        return diagnostics.ofOrganization(organizationId).stream()
                .filter(d -> !user.isStaff() || user.isStaffOf(d.networkId()) || user.organizationIds()
                        .contains(organizationId))
                .toList();
    }

    /**
     * Whether the caller sees the scores behind the ranking: the organization's administrator (the manager, whose
     * own ratings they are) and the network's staff. Employees see the ranking only: with the scores and their
     * own colleagues' average they could work out the manager's ratings.
     */
    public boolean seesScores(EsacUser user, Diagnostic d) {
        return user.canActForOrganizationIn(d.organizationId(), d.networkId());
    }

    /** The questionnaires this caller answered (their own answers, for their data export), most recent first. */
    public List<OwnAnswer> answersOf(EsacUser user) {
        return diagnostics.answeredBy(user.id()).stream()
                .flatMap(d -> d.answers().stream().filter(a -> a.respondentId().equals(user.id()))
                        .map(a -> new OwnAnswer(d.id(), d.organizationId(), d.networkId(), d.status(), a.role(),
                                a.ratings(), a.answeredOn())))
                .toList();
    }

    /** One of the caller's own answers. */
    public record OwnAnswer(String diagnosticId, String organizationId, String networkId,
                            Diagnostic.DiagnosticStatus status, Diagnostic.Role role, Map<String, Integer> ratings,
                            LocalDate answeredOn) {
    }

    /** Active catalogue courses covering a theme. */
    public List<Course> coursesFor(List<String> themes) {
        return courses.coveringThemes(themes);
    }

    private Versioned<Diagnostic> find(String id) {
        return diagnostics.get(id);
    }
}
