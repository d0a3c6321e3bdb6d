package qc.esac.events;

import qc.esac.events.membership.OrganizationRegistered;

import java.util.List;

/** Valid samples of the membership context's event records (see {@link EventSamples}). */
final class MembershipEventSamples {

    static final OrganizationRegistered ORGANIZATION_REGISTERED = new OrganizationRegistered(
            "org-7f3a", "Coopérative de solidarité du Vieux-Moulin", "1171234567", "COOP_SOLIDARITE", "03",
            List.of("ALIMENTATION", "ECONOMIE_CIRCULAIRE"));

    static final List<EventData> ALL = List.of(ORGANIZATION_REGISTERED);

    private MembershipEventSamples() {
    }
}
