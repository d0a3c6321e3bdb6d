package qc.esac.projects.reporting;

import org.springframework.stereotype.Component;
import qc.esac.projects.platform.PlatformFacts;
import qc.esac.projects.project.Indicator;
import qc.esac.projects.project.Project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values of platform-fed indicators: counted from the facts platform events reported about the project's
 * contributing partners, live until the period is submitted, frozen afterwards.
 */
@Component
class PlatformFedValues {

    private final PlatformFacts facts;

    PlatformFedValues(PlatformFacts facts) {
        this.facts = facts;
    }

    /** The current value of each bound indicator of the project for the period. */
    Map<String, Double> now(Project project, ReportingPeriod period) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Indicator indicator : project.indicators()) {
            if (indicator.isBound()) {
                values.put(indicator.id(), (double) facts.count(indicator.source(),
                        project.contributingOrganizationIds(), period.startDate(), period.endDate()));
            }
        }
        return values;
    }

    /** The indicator's value for the period: frozen if the period was submitted, else counted now. */
    Optional<Double> value(Project project, ReportingPeriod period, Indicator indicator) {
        if (!indicator.isBound() || period.isFrozen()) {
            return period.value(indicator);
        }
        return Optional.of((double) facts.count(indicator.source(), project.contributingOrganizationIds(),
                period.startDate(), period.endDate()));
    }
}
