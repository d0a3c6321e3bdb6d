package qc.esac.training.organization;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.membership.NetworkConfigured;
import qc.esac.kit.messaging.EventDispatcher;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.membershipfeed.MembershipFeed;

/**
 * Feeds training's read models from the membership topic: the shared membership feed (organizations, membership
 * standing per network, which sets prices, and staff rosters, who may be registered as an employee) and networks'
 * fiscal years. Types training does not need (fees, applications' other details) and types it does not know yet
 * are skipped.
 */
@Component
class MembershipEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);

    private final IncomingEvents events;
    private final EventDispatcher dispatcher;

    MembershipEventsListener(IncomingEvents events, MembershipFeed feed, NetworkFiscalYears fiscalYears) {
        this.events = events;
        this.dispatcher = feed.registerOn(EventDispatcher.builder())
                .on(NetworkConfigured.class, fiscalYears::apply)
                .build();
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        boolean handled = dispatcher.dispatch(event);
        log.debug("Membership event {} seq {} of {} handled: {}", event.type(), event.sequence(), event.subject(),
                handled);
    }
}
