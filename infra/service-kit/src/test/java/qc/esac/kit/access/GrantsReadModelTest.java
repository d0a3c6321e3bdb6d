package qc.esac.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;

class GrantsReadModelTest {

    private final IdempotentUpdates updates = mock(IdempotentUpdates.class);
    /** What was announced, and whether the store had been written by then. */
    private final List<String> announced = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final GrantsReadModel grants = new GrantsReadModel(mock(MongoTemplate.class), updates,
            event -> announced.add(((GrantsChanged) event).userId() + (written.isEmpty() ? " before" : " after")));

    private static IncomingEvent event(Object data, long sequence) {
        return new IncomingEvent("e-" + sequence, "t", "membership", "g-1", sequence, Instant.now(),
                (qc.esac.events.EventData) data);
    }

    @Test
    void aGrantOrARevocationIsAnnouncedForItsPersonOnceStoredSoThatTheirKeptGrantsAreForgotten() {
        when(updates.applyIfNewer(eq(GrantsReadModel.COLLECTION), any(), any(), any(Update.class))).thenAnswer(call -> {
            written.add(call.getArgument(1));
            return true;
        });

        assertThat(grants.apply(event(new AccessGranted("g-1", "u-1", "ORG_ADMIN", "org-1", null, null, "staff"), 1)))
                .isTrue();
        assertThat(grants.apply(event(new AccessRevoked("g-1", "u-1", "ORG_ADMIN", "org-1", null, null, "staff"), 2)))
                .isTrue();

        assertThat(written).containsExactly("u-1", "u-1");
        assertThat(announced).containsExactly("u-1 after", "u-1 after");
    }

    @Test
    void aRedeliveredEventIsAnnouncedTooSinceWhatIsKeptMayPredateIt() {
        when(updates.applyIfNewer(any(), any(), any(), any(Update.class))).thenAnswer(call -> {
            written.add(call.getArgument(1));
            return false;
        });

        assertThat(grants.apply(event(new AccessRevoked("g-1", "u-2", "STAFF", null, "net-1", null, "staff"), 3)))
                .isFalse();

        assertThat(announced).containsExactly("u-2 after");
    }
}
