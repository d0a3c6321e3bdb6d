package qc.esac.membership.access;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApproved;
import qc.esac.events.membership.MembershipRejected;
import qc.esac.kit.messaging.EventBatches;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.kit.messaging.SparseListener;
import qc.esac.membership.membership.MembershipService;
import qc.esac.membership.membership.Transition;

import java.util.List;

/**
 * A registrant administers the organization they registered once its network approves the application (or the
 * membership becomes active): the membership feature's own published events say so, so that feature needs no
 * knowledge of grants. Approving a pending grant twice changes nothing, so a redelivered event is harmless.
 */
@Component
class RegistrantApprovals {

    private final IncomingEvents events;
    private final AccessService access;
    private final MembershipService memberships;

    RegistrantApprovals(IncomingEvents events, AccessService access, MembershipService memberships) {
        this.events = events;
        this.access = access;
        this.memberships = memberships;
    }

    /** The decisions on an application; every other record of the topic is skipped by its header, unparsed. */
    private static final Set<String> DECISIONS = Set.of(EventCatalog.of(MembershipApproved.class).type(),
            EventCatalog.of(MembershipActivated.class).type(), EventCatalog.of(MembershipRejected.class).type());

    /**
     * Whole polls, gathered for a quarter of a second ({@link SparseListener}): nearly every record is skipped, and a
     * fetch, a listener call and a commit per record cost membership and the broker more than the decisions do.
     * The decisions are applied one by one, in order ({@link EventBatches#ofTypes}).
     */
    @KafkaListener(topics = Topics.MEMBERSHIP, groupId = "${spring.application.name}.registrants", batch = "true",
            properties = {SparseListener.FETCH_MIN_BYTES, SparseListener.FETCH_MAX_WAIT})
    void on(List<ConsumerRecord<String, byte[]>> records) {
        EventBatches.ofTypes(records, DECISIONS, events, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (event.data() instanceof MembershipApproved approved) {
            access.approveRegistrantsOf(approved.membershipId(), decidedBy(approved.membershipId()));
        } else if (event.data() instanceof MembershipActivated activated) {
            access.approveRegistrantsOf(activated.membershipId(), decidedBy(activated.membershipId()));
        } else if (event.data() instanceof MembershipRejected rejected) {
            access.refuseRegistrantsOf(rejected.membershipId(), decidedBy(rejected.membershipId()));
        }
    }

    /** The staff member who made the application's latest decision, as its history records it. */
    private String decidedBy(String membershipId) {
        List<Transition> history = memberships.get(membershipId).state().history();
        return history.isEmpty() ? "system" : history.get(history.size() - 1).by();
    }
}
