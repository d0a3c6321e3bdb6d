package qc.esac.kit.access;

import java.util.Objects;

import qc.esac.identity.EsacRole;

/**
 * One active grant of the platform's register (membership-service's {@code access} feature): the person may act
 * as {@code role} for the organization ({@code ORG_ADMIN}, {@code EMPLOYEE}) or the network ({@code STAFF}).
 *
 * @param grantId the grant's id in the register
 * @param role what the grant makes the person
 * @param organizationId the organization, for administrators and employees; null for staff
 * @param networkId the network, for staff; null otherwise
 * @param employeeId the roster entry, for employees; null otherwise
 */
public record Grant(String grantId, EsacRole role, String organizationId, String networkId, String employeeId) {

    public Grant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(role, "role");
    }

    /** The role named by an event's {@code kind} ({@code ORG_ADMIN}, {@code STAFF}, {@code EMPLOYEE}). */
    public static EsacRole roleOfKind(String kind) {
        EsacRole role = EsacRole.valueOf(kind);
        if (role == EsacRole.PARTNER) {
            throw new IllegalArgumentException("A grant never makes a partner");
        }
        return role;
    }
}
