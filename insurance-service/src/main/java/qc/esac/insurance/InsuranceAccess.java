package qc.esac.insurance;

import org.springframework.stereotype.Component;
import qc.esac.kit.security.EsacUser;

/**
 * Who may act on the plan: the staff of the association's network (not of any network) and an organization's
 * own administrators. Every staff or administrator operation of the service goes through here.
 */
@Component
public class InsuranceAccess {

    private final String networkId;

    public InsuranceAccess(InsuranceProperties properties) {
        this.networkId = properties.networkId();
    }

    /** 403 unless staff of the plan's network. */
    public void requireStaff(EsacUser user) {
        user.requireStaffOf(networkId);
    }

    /** 403 unless staff of the plan's network or an administrator of the organization. */
    public void requireOrganization(EsacUser user, String organizationId) {
        user.requireOrganizationIn(organizationId, networkId);
    }

    public boolean canActFor(EsacUser user, String organizationId) {
        return user.canActForOrganizationIn(organizationId, networkId);
    }

    public boolean isStaff(EsacUser user) {
        return user.isStaffOf(networkId);
    }
}
