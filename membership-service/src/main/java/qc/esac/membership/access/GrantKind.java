package qc.esac.membership.access;

import qc.esac.identity.EsacRole;

/** What a grant makes a person: the role it adds to their token's, and what it is scoped to. */
public enum GrantKind {

    /** Administers one organization. */
    ORG_ADMIN(EsacRole.ORG_ADMIN),
    /** Staff of one network. */
    STAFF(EsacRole.STAFF),
    /** An employee of one organization, the roster entry {@code employeeId}: sees their own records. */
    EMPLOYEE(EsacRole.EMPLOYEE);

    private final EsacRole role;

    GrantKind(EsacRole role) {
        this.role = role;
    }

    public EsacRole role() {
        return role;
    }
}
