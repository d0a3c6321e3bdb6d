package qc.esac.insurance.contracts;

import org.junit.jupiter.api.Test;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.EventSchemas;
import qc.esac.insurance.enrolment.Eligibility;
import qc.esac.insurance.enrolment.Enrolment;
import qc.esac.insurance.participation.Participation;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.Tier;
import qc.esac.kit.domain.Change;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event the insurance domain produces satisfies its published schema. */
class PublishedEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyTransitionPublishesSchemaValidEvents() {
        List<EventData> events = new ArrayList<>();
        LocalDate day = LocalDate.of(2027, 1, 4);
        Change<Participation> applied = Participation.apply("org-1", "aacocq", true, Set.of(CoverageCode.DRUGS),
                Set.of("FULL_TIME"), 50, day);
        Change<Participation> activated = applied.state().activate(day.plusDays(28), true);
        Change<Participation> grace = activated.state().standingChanged("m-1", 2, false, day.plusMonths(3), 60);
        Change<Participation> reinstated = grace.state().standingChanged("m-1", 3, true, day.plusMonths(4), 60);
        Change<Participation> withdrawn = reinstated.state().withdraw(day.plusMonths(6));
        Change<Participation> renewed = reinstated.state().recordRate(2028, LocalDate.of(2028, 1, 1),
                new Participation.YearRate(new BigDecimal("1.0904"), new BigDecimal("0.0632"), false, day.plusMonths(9)));
        List.of(applied, activated, grace, reinstated, withdrawn, renewed).forEach(c -> events.addAll(c.events()));

        Change<Enrolment> enrolled = Enrolment.create("e1", "org-1", "u1", "FULL_TIME", new Eligibility(day, false), day,
                Tier.COUPLE, Set.of(CoverageCode.DRUGS, CoverageCode.LTD), List.of(), "sealed", 0);
        Change<Enrolment> changed = enrolled.state().change(Tier.FAMILY, Set.of(CoverageCode.DRUGS), List.of(),
                "sealed", day.plusMonths(2));
        Change<Enrolment> left = changed.state().employeeLeft(day.plusMonths(5), 2);
        List.of(enrolled, changed, left).forEach(c -> events.addAll(c.events()));

        assertThat(events).hasSize(9);
        for (EventData event : events) {
            assertThat(EventSchemas.violations(EventCatalog.of(event.getClass()).type(), JSON.valueToTree(event)))
                    .as(event.getClass().getSimpleName()).isEmpty();
        }
    }
}
