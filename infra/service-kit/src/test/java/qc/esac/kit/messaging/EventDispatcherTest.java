package qc.esac.kit.messaging;

import org.junit.jupiter.api.Test;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.RosterEntryEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDispatcherTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void eachTypeGoesToItsOwnHandlerWithTheEventAndTypedData() {
        EventDispatcher dispatcher = EventDispatcher.builder()
                .on(OrganizationRegistered.class, (e, o) -> calls.add("registered " + o.legalName() + " #" + e.sequence()))
                .on(OrganizationClosed.class, (e, o) -> calls.add("closed " + o.closedOn()))
                .build();

        assertThat(dispatcher.dispatch(event(3, registered()))).isTrue();
        assertThat(dispatcher.dispatch(event(4, new OrganizationClosed("org-1", "Coop", "1234567890",
                LocalDate.of(2027, 1, 31), null)))).isTrue();

        assertThat(calls).containsExactly("registered Coop #3", "closed 2027-01-31");
    }

    @Test
    void aHandlerOfAnInterfaceServesEveryTypeImplementingItAndHandlersRunInRegistrationOrder() {
        EventDispatcher dispatcher = EventDispatcher.builder()
                .on(RosterEntryEvent.class, (e, r) -> calls.add("roster " + r.employeeId()))
                .on(EmployeeLeft.class, (e, left) -> calls.add("left " + left.endDate()))
                .build();

        dispatcher.dispatch(event(1, added()));
        dispatcher.dispatch(event(2, left()));

        assertThat(calls).containsExactly("roster emp-1", "roster emp-1", "left 2027-03-31");
    }

    @Test
    void typesWithoutHandlerAndUnknownTypesAreSkipped() {
        EventDispatcher dispatcher = EventDispatcher.builder()
                .on(OrganizationClosed.class, (e, o) -> calls.add("closed"))
                .build();

        assertThat(dispatcher.dispatch(event(1, registered()))).isFalse();
        assertThat(dispatcher.dispatch(event(1, null))).isFalse();
        assertThat(dispatcher.handles(OrganizationRegistered.class)).isFalse();
        assertThat(dispatcher.handles(OrganizationClosed.class)).isTrue();
        assertThat(calls).isEmpty();
    }

    private static IncomingEvent event(long sequence, qc.esac.events.EventData data) {
        return new IncomingEvent("id-" + sequence, "type", "/test", "subject", sequence, Instant.EPOCH, data);
    }

    private static OrganizationRegistered registered() {
        return new OrganizationRegistered("org-1", "Coop", "1234567890", "OBNL", "05", List.of());
    }

    private static EmployeeAdded added() {
        return new EmployeeAdded("emp-1", "org-1", "Prénom", "Fictif", null, null, "FULL_TIME", new BigDecimal("35"),
                LocalDate.of(2026, 1, 5), null, null);
    }

    private static EmployeeLeft left() {
        return new EmployeeLeft("emp-1", "org-1", "Prénom", "Fictif", null, null, "FULL_TIME", new BigDecimal("35"),
                LocalDate.of(2026, 1, 5), LocalDate.of(2027, 3, 31), null, null);
    }
}
