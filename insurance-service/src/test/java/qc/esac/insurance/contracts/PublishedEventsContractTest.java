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
        Participation.Change applied = Participation.apply("org-1", "aacocq", true, Set.of(CoverageCode.DRUGS),
                Set.of("FULL_TIME"), 50, day);
        Participation.Change activated = applied.participation().activate(day.plusDays(28), true);
        Participation.Change grace = activated.participation().standingChanged("m-1", 2, false, day.plusMonths(3), 60);
        Participation.Change reinstated = grace.participation().standingChanged("m-1", 3, true, day.plusMonths(4), 60);
        Participation.Change withdrawn = reinstated.participation().withdraw(day.plusMonths(6));
        Participation.Change renewed = reinstated.participation().recordRate(2028, LocalDate.of(2028, 1, 1),
                new Participation.YearRate(new BigDecimal("1.0904"), new BigDecimal("0.0632"), false, day.plusMonths(9)));
        List.of(applied, activated, grace, reinstated, withdrawn, renewed).forEach(c -> events.addAll(c.events()));

        Enrolment.Change enrolled = Enrolment.create("e1", "org-1", "u1", "FULL_TIME", new Eligibility(day, false), day,
                Tier.COUPLE, Set.of(CoverageCode.DRUGS, CoverageCode.LTD), List.of(), "sealed", 0);
        Enrolment.Change changed = enrolled.enrolment().change(Tier.FAMILY, Set.of(CoverageCode.DRUGS), List.of(),
                "sealed", day.plusMonths(2));
        Enrolment.Change left = changed.enrolment().employeeLeft(day.plusMonths(5), 2);
        List.of(enrolled, changed, left).forEach(c -> events.addAll(c.events()));

        assertThat(events).hasSize(9);
        for (EventData event : events) {
            assertThat(EventSchemas.violations(EventCatalog.of(event.getClass()).type(), JSON.valueToTree(event)))
                    .as(event.getClass().getSimpleName()).isEmpty();
        }
    }
}
