package qc.esac.training.organization;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.membership.NetworkConfigured;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.membershipfeed.MembershipFeed;

import java.util.List;

/**
 * Feeds training's read models from the membership topic: the shared membership feed (organizations, membership
 * standing per network, which sets prices, and staff rosters, who may be registered as an employee) and networks'
 * fiscal years. Types training does not need (fees, applications' other details) and types it does not know yet
 * are skipped. A batch listener: each poll's records are applied together ({@link EventBatches}: one read and one
 * write of each read model per poll instead of one per event), with the guarantees of one-by-one consumption.
 */
@Component
class MembershipEventsListener {

    private final EventBatches batches;
    private final EventDispatcher dispatcher;

    MembershipEventsListener(EventBatches batches, MembershipFeed feed, NetworkFiscalYears fiscalYears) {
        this.batches = batches;
        this.dispatcher = feed.registerOn(EventDispatcher.builder())
                .on(NetworkConfigured.class, fiscalYears::apply)
                .reads(NetworkConfigured.class, NetworkFiscalYears.COLLECTION, NetworkConfigured::networkId)
                .build();
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.consume(records, dispatcher);
    }
}
