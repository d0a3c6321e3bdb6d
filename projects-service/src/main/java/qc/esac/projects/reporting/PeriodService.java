package qc.esac.projects.reporting;

import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.projects.project.Indicator;
import qc.esac.projects.project.Project;
import qc.esac.projects.project.ProjectAccess;
import qc.esac.projects.project.ProjectService;
import qc.esac.projects.project.ProjectStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reporting periods: opened by the lead or programme staff, values recorded by the contributing partners,
 * submitted by any of them once the period is over, approved by programme staff (or by the lead when a partner
 * submitted), returned by the lead or staff, locked by staff. Changes go through the kit's
 * {@code AggregateStore.change}: who may act is checked before the client's If-Match.
 */
@Service
public class PeriodService {

    private final ReportingPeriods periods;
    private final ProjectService projects;
    private final ProjectAccess access;
    private final PlatformFedValues platformValues;
    private final Clock clock;

    PeriodService(ReportingPeriods periods, ProjectService projects, ProjectAccess access,
                  PlatformFedValues platformValues, Clock clock) {
        this.periods = periods;
        this.projects = projects;
        this.access = access;
        this.platformValues = platformValues;
        this.clock = clock;
    }

    public Versioned<ReportingPeriod> open(EsacUser user, String projectId, String label, LocalDate start,
                                           LocalDate end) {
        Project project = projects.get(projectId).state();
        access.requireManage(user, project);
        if (project.status() != ProjectStatus.ACTIVE) {
            throw new BusinessRuleException("periode.projet-non-actif", project.status().name());
        }
        ReportingPeriod period = ReportingPeriod.open(UUID.randomUUID().toString(), projectId, label, start, end,
                today(), user.id());
        for (ReportingPeriod existing : of(projectId)) {
            if (existing.overlaps(period.startDate(), period.endDate()) || existing.label().equals(period.label())) {
                throw new ConflictException("periode.chevauchement", existing.label());
            }
        }
        return periods.insert(period);
    }

    /** The project's periods in chronological order. */
    public List<ReportingPeriod> of(String projectId) {
        return versionsOf(projectId).stream().map(Versioned::state).toList();
    }

    /** The project's periods in chronological order, with their versions (ETags). */
    public List<Versioned<ReportingPeriod>> versionsOf(String projectId) {
        return periods.ofProject(projectId);
    }

    public List<ReportingPeriod> locked() {
        return periods.withStatus(PeriodStatus.LOCKED);
    }

    public Versioned<ReportingPeriod> get(String projectId, String periodId) {
        return periods.find(periodId).filter(p -> p.state().projectId().equals(projectId))
                .orElseThrow(() -> new NotFoundException("periode.introuvable", periodId));
    }

    public Versioned<ReportingPeriod> recordValue(EsacUser user, String projectId, String periodId,
                                                  String indicatorId, String organizationId, ValueInput input,
                                                  Long expectedVersion) {
        Project project = projects.get(projectId).state();
        access.requireReporter(user, project, organizationId);
        Indicator indicator = project.indicator(indicatorId)
                .orElseThrow(() -> new NotFoundException("indicateur.introuvable", indicatorId));
        return change(projectId, periodId, expectedVersion,
                period -> Change.of(period.record(indicator, organizationId, input, today(), user.id())));
    }

    public Versioned<ReportingPeriod> submit(EsacUser user, String projectId, String periodId) {
        Project project = projects.get(projectId).state();
        access.requireSubmitter(user, project);
        boolean byLead = access.isLeadAdministrator(user, project);
        return change(projectId, periodId, null,
                period -> period.submit(platformValues.now(project, period), today(), user.id(), byLead));
    }

    public Versioned<ReportingPeriod> approve(EsacUser user, String projectId, String periodId) {
        access.requireManage(user, projects.get(projectId).state());
        ReportingPeriod.Reviewer reviewer = access.isProgrammeStaff(user) ? ReportingPeriod.Reviewer.PROGRAMME_STAFF
                : ReportingPeriod.Reviewer.LEAD_ADMINISTRATOR;
        return change(projectId, periodId, null, period -> period.approve(today(), user.id(), reviewer));
    }

    public Versioned<ReportingPeriod> returnForRevision(EsacUser user, String projectId, String periodId,
                                                        String reason) {
        access.requireManage(user, projects.get(projectId).state());
        return change(projectId, periodId, null,
                period -> Change.of(period.returnForRevision(reason, today(), user.id())));
    }

    public Versioned<ReportingPeriod> lock(EsacUser user, String projectId, String periodId) {
        if (!access.isProgrammeStaff(user)) {
            throw new ForbiddenException("periode.verrouillage-refuse", periodId);
        }
        Project project = projects.get(projectId).state();
        return change(projectId, periodId, null, period -> period.lock(today(), user.id(), project.indicators()));
    }

    /**
     * A change to one of the project's periods; the caller has already checked, on the project, who may act.
     * A period of another project is unknown here (404) before any version is compared.
     */
    private Versioned<ReportingPeriod> change(String projectId, String periodId, Long expectedVersion,
                                              Function<ReportingPeriod, Change<ReportingPeriod>> command) {
        return periods.change(periodId, expectedVersion, period -> {
            if (!period.projectId().equals(projectId)) {
                throw new NotFoundException("periode.introuvable", periodId);
            }
        }, command);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
