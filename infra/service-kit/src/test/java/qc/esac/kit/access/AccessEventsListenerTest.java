package qc.esac.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.kit.messaging.UnprocessableEventException;
import qc.esac.testkit.TestEvents;
import tools.jackson.databind.json.JsonMapper;

class AccessEventsListenerTest {

    private static final String GRANTED = EventCatalog.of(AccessGranted.class).type();
    private static final String REVOKED = EventCatalog.of(AccessRevoked.class).type();

    private long offset;

    private ConsumerRecord<String, byte[]> record(String type, String value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.MEMBERSHIP, 0, offset++, "k",
                value.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private ConsumerRecord<String, byte[]> grantEvent(String type, String grantId, long sequence) {
        String by = type.equals(GRANTED) ? "grantedBy" : "revokedBy";
        ProducerRecord<String, byte[]> event = TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP,
                "e-" + grantId + "-" + sequence, type, grantId, sequence, """
                        {"grantId": "%s", "userId": "u-1", "kind": "ORG_ADMIN", "organizationId": "org-1",
                         "networkId": null, "employeeId": null, "%s": "staff-test"}""".formatted(grantId, by));
        return new ConsumerRecord<>(Topics.MEMBERSHIP, 0, offset++, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, grantId, event.value(), event.headers(), Optional.empty());
    }

    private static AccessEventsListener listener(GrantsReadModel grants) {
        return new AccessEventsListener(new IncomingEvents(JsonMapper.builder().build()), grants);
    }

    @Test
    void itConsumesWholePollsSoThatRecordsMeantForOthersCostNoListenerCallOrObservationEach() throws Exception {
        Method on = AccessEventsListener.class.getMethod("on", List.class);
        assertThat(on.getAnnotation(KafkaListener.class).batch()).isEqualTo("true");
    }

    @Test
    void recordsMeantForTheServicesOwnListenersAreLeftAloneEvenUnreadableOnes() {
        GrantsReadModel grants = mock(GrantsReadModel.class);

        listener(grants).on(List.of(record(null, "pas un événement"),
                record("qc.esac.membership.organization-registered.v1", "{}")));

        verifyNoInteractions(grants);
    }

    @Test
    void theGrantEventsOfAPollAreAppliedInTheirOrderAmongTheOthers() {
        GrantsReadModel grants = mock(GrantsReadModel.class);
        List<String> applied = new ArrayList<>();
        when(grants.apply(any())).thenAnswer(call -> {
            IncomingEvent event = call.getArgument(0);
            applied.add((event.type().equals(GRANTED) ? "granted " : "revoked ") + event.subject() + "#"
                    + event.sequence());
            return true;
        });

        listener(grants).on(List.of(grantEvent(GRANTED, "g-1", 1),
                record("qc.esac.membership.organization-registered.v1", "{}"), grantEvent(REVOKED, "g-1", 2),
                grantEvent(GRANTED, "g-2", 1)));

        assertThat(applied).containsExactly("granted g-1#1", "revoked g-1#2", "granted g-2#1");
    }

    @Test
    void aBrokenGrantEventIsNamedAfterTheOnesBeforeItWereAppliedSoTheKitsErrorHandlerDeadLettersItAlone() {
        GrantsReadModel grants = mock(GrantsReadModel.class);
        ConsumerRecord<String, byte[]> before = grantEvent(GRANTED, "g-1", 1);
        ConsumerRecord<String, byte[]> broken = record(GRANTED, "{}");
        ConsumerRecord<String, byte[]> after = grantEvent(GRANTED, "g-2", 1);

        assertThatThrownBy(() -> listener(grants).on(List.of(before, broken, after)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(broken);
                    assertThat(e.getCause()).isInstanceOf(UnprocessableEventException.class);
                });
        verify(grants).apply(any());
    }

    @Test
    void aStoreFailureNamesTheGrantEventItFailedOnSoThatItIsRetried() {
        GrantsReadModel grants = mock(GrantsReadModel.class);
        when(grants.apply(any())).thenThrow(new IllegalStateException("magasin indisponible"));
        ConsumerRecord<String, byte[]> grant = grantEvent(GRANTED, "g-1", 1);

        assertThatThrownBy(() -> listener(grants).on(List.of(record(null, "autre"), grant)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(grant);
                    assertThat(e.getCause()).hasMessage("magasin indisponible");
                });
    }
}
