package qc.esac.insurance.membership;

import java.time.LocalDate;

/**
 * Whether an organization is a member in good standing of a network, as membership last said (read model).
 *
 * @param id {@code <networkId>:<organizationId>}
 */
public record MemberStanding(String id, String organizationId, String networkId, String membershipId, String status,
                             boolean goodStanding, LocalDate effectiveDate) {

    public static String idOf(String networkId, String organizationId) {
        return networkId + ":" + organizationId;
    }
}
