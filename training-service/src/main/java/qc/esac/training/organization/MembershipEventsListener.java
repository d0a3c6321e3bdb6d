package qc.esac.training.organization;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;

/** Feeds training's read models from the membership topic. */
@Component
class MembershipEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);

    private final IncomingEvents events;
    private final KnownOrganizations organizations;

    MembershipEventsListener(IncomingEvents events, KnownOrganizations organizations) {
        this.events = events;
        this.organizations = organizations;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        event.dataAs(OrganizationRegistered.class).ifPresent(registered -> {
            boolean applied = organizations.apply(event, registered);
            log.debug("Organization {} event {} seq {} applied: {}", event.subject(), event.type(),
                    event.sequence(), applied);
        });
    }
}
