package qc.esac.membership.access;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import qc.esac.events.Topics;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApproved;
import qc.esac.events.membership.MembershipRejected;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;

/**
 * A registrant administers the organization they registered once its network approves the application (or the
 * membership becomes active): the membership feature's own published events say so, so that feature needs no
 * knowledge of grants. Approving a pending grant twice changes nothing, so a redelivered event is harmless.
 */
@Component
class RegistrantApprovals {

    /** Who approved, in the grant's {@code grantedBy}: the network's decision on the application. */
    static final String NETWORK_DECISION = "adhesion-approuvee";

    private final IncomingEvents events;
    private final AccessService access;

    RegistrantApprovals(IncomingEvents events, AccessService access) {
        this.events = events;
        this.access = access;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}.registrants")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = events.parse(record);
        if (event.data() instanceof MembershipApproved approved) {
            access.approveRegistrantsOf(approved.membershipId(), NETWORK_DECISION);
        } else if (event.data() instanceof MembershipActivated activated) {
            access.approveRegistrantsOf(activated.membershipId(), NETWORK_DECISION);
        } else if (event.data() instanceof MembershipRejected rejected) {
            access.refuseRegistrantsOf(rejected.membershipId(), "adhesion-refusee");
        }
    }
}
