package qc.esac.membership.membership;

import qc.esac.membership.network.Category;
import qc.esac.membership.network.Network;

import java.time.LocalDate;
import java.util.List;

/**
 * Who may vote at a network's general meeting on a given date: members whose category carries a vote and whose
 * status that day gives it ({@link Standing}: paid, or in grace where the network lets them vote). Suspended,
 * lapsed, associate and departed members do not.
 */
final class VotingRoll {

    private VotingRoll() {
    }

    static List<Membership> entitledOn(Network network, List<Membership> memberships, LocalDate meeting,
                                       LocalDate today) {
        return memberships.stream()
                .filter(m -> {
                    MembershipStatus on = m.statusOn(network, meeting, today);
                    return on != null && Standing.votes(on,
                            network.category(m.category()).map(Category::votingRights).orElse(false),
                            network.graceVotes());
                })
                .toList();
    }
}
