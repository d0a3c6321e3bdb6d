package qc.esac.projects.reporting;

import org.springframework.stereotype.Service;
import qc.esac.kit.security.EsacUser;
import qc.esac.membershipfeed.KnownOrganization;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.projects.project.Funding;
import qc.esac.projects.project.Indicator;
import qc.esac.projects.project.Project;
import qc.esac.projects.project.ProjectAccess;
import qc.esac.projects.project.ProjectService;
import qc.esac.projects.project.ProjectStatus;
import qc.esac.projects.project.Step;
import qc.esac.projects.vocabulary.Vocabulary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Assembles accountability reports from what projects and periods already hold; nothing is typed twice. */
@Service
public class AccountabilityReports {

    private final ProjectService projects;
    private final PeriodService periods;
    private final PlatformFedValues platformValues;
    private final KnownOrganizations organizations;
    private final Vocabulary vocabulary;
    private final ProjectAccess access;
    private final Clock clock;

    AccountabilityReports(ProjectService projects, PeriodService periods, PlatformFedValues platformValues,
                          KnownOrganizations organizations, Vocabulary vocabulary, ProjectAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.projects = projects;
        this.periods = periods;
        this.platformValues = platformValues;
        this.organizations = organizations;
        this.vocabulary = vocabulary;
    }

    public ProjectReport forPeriod(EsacUser user, String projectId, String periodId) {
        Project project = projects.get(projectId).state();
        access.requireRead(user, project);
        ReportingPeriod period = periods.get(projectId, periodId).state();
        List<ReportingPeriod> upToThis = periods.of(projectId).stream()
                .filter(p -> !p.endDate().isAfter(period.endDate())).toList();
        Set<String> ids = new HashSet<>(project.partnerOrganizationIds());
        period.entries().forEach(e -> ids.add(e.organizationId()));
        Map<String, KnownOrganization> known = organizations.findAll(ids);

        List<ProjectReport.StepLine> steps = project.steps().stream().map(s -> stepLine(s, known)).toList();
        List<ProjectReport.IndicatorLine> lines = new ArrayList<>();
        for (Indicator indicator : project.indicators()) {
            Double value = platformValues.value(project, period, indicator).orElse(null);
            List<Double> series = upToThis.stream()
                    .map(p -> platformValues.value(project, p, indicator).orElse(null)).toList();
            Double toDate = IndicatorResults.toDate(indicator, series);
            List<ProjectReport.Contribution> contributions = period.entries(indicator.id()).stream()
                    .map(e -> new ProjectReport.Contribution(name(e.organizationId(), known), e.value(), e.narrative(),
                            e.progressLabel() == null ? null : vocabulary.label("appreciation", e.progressLabel())))
                    .toList();
            lines.add(new ProjectReport.IndicatorLine(indicator.id(), indicator.name(),
                    vocabulary.label("nature-indicateur", indicator.kind()),
                    indicator.unit() == null ? null : vocabulary.label("unite", indicator.unit()),
                    indicator.baseline(), indicator.target(), indicator.cumulative(),
                    indicator.source() == null ? null : vocabulary.label("source", indicator.source()),
                    value, toDate, IndicatorResults.achievementPercent(indicator, toDate), breakdown(period, indicator),
                    contributions, indicator.illustrative() ? vocabulary.text("indicateur.illustratif") : null));
        }
        return new ProjectReport(project.id(), project.name(), name(project.leadOrganizationId(), known),
                vocabulary.label("statut-projet", project.status()), project.startDate(), project.endDate(),
                period.id(), period.label(), period.startDate(), period.endDate(),
                vocabulary.label("statut-periode", period.status()), project.progressPercent(), steps, lines,
                period.history());
    }

    /**
     * The programme aggregate over locked periods ending within [{@code from}, {@code to}] (either may be open);
     * for programme staff.
     */
    public ProgrammeReport programme(EsacUser user, LocalDate from, LocalDate to) {
        access.requireProgrammeStaff(user);
        List<Project> all = projects.all();
        Map<String, List<ReportingPeriod>> lockedByProject = periods.locked().stream()
                .filter(p -> (from == null || !p.endDate().isBefore(from)) && (to == null || !p.endDate().isAfter(to)))
                .sorted((a, b) -> a.startDate().compareTo(b.startDate()))
                .collect(Collectors.groupingBy(ReportingPeriod::projectId, LinkedHashMap::new, Collectors.toList()));

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ProjectStatus status : ProjectStatus.values()) {
            byStatus.put(status.name(), all.stream().filter(p -> p.status() == status).count());
        }
        List<Project> reported = all.stream().filter(p -> p.status().wasCarriedOut()).toList();
        long organizationsInvolved = reported.stream().flatMap(p -> p.partnerOrganizationIds().stream())
                .distinct().count();
        BigDecimal funding = reported.stream().flatMap(p -> p.funding().stream()).map(Funding::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int averageProgress = reported.isEmpty() ? 0
                : (int) Math.round(reported.stream().mapToInt(Project::progressPercent).average().orElse(0));

        Map<String, double[]> totals = new TreeMap<>();
        List<ProgrammeReport.ProjectLine> lines = new ArrayList<>();
        for (Project project : reported) {
            List<ReportingPeriod> locked = lockedByProject.getOrDefault(project.id(), List.of());
            List<ProgrammeReport.ProjectResult> results = new ArrayList<>();
            for (Indicator indicator : project.indicators()) {
                if (!indicator.isQuantitative()) {
                    continue;
                }
                Double toDate = IndicatorResults.toDate(indicator,
                        locked.stream().map(p -> p.value(indicator).orElse(null)).toList());
                results.add(new ProgrammeReport.ProjectResult(indicator.id(), indicator.name(),
                        indicator.programmeCode(), indicator.unit().name(), toDate, indicator.target(),
                        IndicatorResults.achievementPercent(indicator, toDate)));
                if (indicator.programmeCode() != null && toDate != null) {
                    double[] total = totals.computeIfAbsent(indicator.programmeCode() + "|" + indicator.unit().name(),
                            key -> new double[2]);
                    total[0] += toDate;
                    total[1]++;
                }
            }
            lines.add(new ProgrammeReport.ProjectLine(project.id(), project.name(),
                    vocabulary.label("statut-projet", project.status()), project.progressPercent(), locked.size(),
                    results));
        }
        List<ProgrammeReport.ProgrammeTotal> programmeTotals = totals.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new ProgrammeReport.ProgrammeTotal(key[0], key[1], e.getValue()[0], (int) e.getValue()[1]);
        }).toList();
        return new ProgrammeReport(from, to, byStatus, organizationsInvolved, funding, averageProgress,
                programmeTotals, lines);
    }

    private ProjectReport.StepLine stepLine(Step step, Map<String, KnownOrganization> known) {
        return new ProjectReport.StepLine(step.title(), vocabulary.label("statut-etape", step.status()), step.dueDate(),
                step.isOverdue(LocalDate.now(clock)),
                step.responsibleOrganizationId() == null ? null : name(step.responsibleOrganizationId(), known),
                step.completedOn(), step.illustrative() ? vocabulary.text("etape.illustrative") : null);
    }

    /** Totals per breakdown key across partners (e.g. people placed in jobs per region). */
    private static List<BreakdownValue> breakdown(ReportingPeriod period, Indicator indicator) {
        Map<String, Double> totals = new TreeMap<>();
        period.entries(indicator.id()).forEach(e -> e.breakdown()
                .forEach(b -> totals.merge(b.key(), b.value(), Double::sum)));
        return totals.entrySet().stream().map(e -> new BreakdownValue(e.getKey(), e.getValue())).toList();
    }

    private static String name(String organizationId, Map<String, KnownOrganization> known) {
        KnownOrganization organization = known.get(organizationId);
        return organization == null ? organizationId : organization.legalName();
    }
}
