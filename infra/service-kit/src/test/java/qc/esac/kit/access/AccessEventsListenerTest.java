package qc.esac.kit.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import qc.esac.events.Topics;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.kit.messaging.UnprocessableEventException;
import tools.jackson.databind.json.JsonMapper;

class AccessEventsListenerTest {

    private static ConsumerRecord<String, byte[]> record(String type, String value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.MEMBERSHIP, 0, 0L, "k",
                value.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void recordsMeantForTheServicesOwnListenersAreLeftAloneEvenUnreadableOnes() {
        GrantsReadModel grants = mock(GrantsReadModel.class);
        AccessEventsListener listener = new AccessEventsListener(new IncomingEvents(JsonMapper.builder().build()),
                grants);

        listener.on(record(null, "pas un événement"));
        listener.on(record("qc.esac.membership.organization-registered.v1", "{}"));

        verifyNoInteractions(grants);
    }

    @Test
    void aBrokenGrantEventIsUnprocessableSoTheKitsErrorHandlerDeadLettersIt() {
        AccessEventsListener listener = new AccessEventsListener(new IncomingEvents(JsonMapper.builder().build()),
                mock(GrantsReadModel.class));

        assertThatThrownBy(() -> listener.on(record("qc.esac.membership.access-granted.v1", "{}")))
                .isInstanceOf(UnprocessableEventException.class);
    }
}
