package qc.esac.events;

import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.AccessGranted;
import qc.esac.events.membership.AccessRevoked;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipApplied;
import qc.esac.events.membership.MembershipApproved;
import qc.esac.events.membership.MembershipFeeRecorded;
import qc.esac.events.membership.MembershipInGrace;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.MembershipReinstated;
import qc.esac.events.membership.MembershipRejected;
import qc.esac.events.membership.MembershipRenewalDue;
import qc.esac.events.membership.MembershipRenewed;
import qc.esac.events.membership.MembershipResigned;
import qc.esac.events.membership.MembershipSuspended;
import qc.esac.events.membership.MembershipTerminated;
import qc.esac.events.membership.NetworkConfigured;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.events.membership.PostalAddress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Valid samples of the membership context's event records (see {@link EventSamples}). */
final class MembershipEventSamples {

    private static final String ORG = "org-7f3a";
    private static final String MEMBERSHIP = "mbr-52c1";
    private static final String NETWORK = "csmo-esac";
    private static final LocalDate START = LocalDate.of(2025, 4, 1);
    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    static final OrganizationRegistered ORGANIZATION_REGISTERED = new OrganizationRegistered(
            ORG, "Coopérative de solidarité du Vieux-Moulin", "1171234567", "COOP_SOLIDARITE", "03",
            List.of("SECURITE_ALIMENTAIRE", "ENVIRONNEMENT"), false);

    static final OrganizationUpdated ORGANIZATION_UPDATED = new OrganizationUpdated(
            ORG, "Coopérative de solidarité du Vieux-Moulin", "1171234567", "COOP_SOLIDARITE", "03",
            List.of("03", "12"), List.of("SECURITE_ALIMENTAIRE", "ENVIRONNEMENT"), 2009, 4, 3, "FROM_100K_TO_300K",
            "MAPAQ", new PostalAddress("12, rue du Moulin", "Québec", "QC", "G1K 3A1"), "fr",
            List.of("regionsServed", "fullTimeEmployees", "illustrative"), true);

    static final OrganizationClosed ORGANIZATION_CLOSED = new OrganizationClosed(
            ORG, "Coopérative de solidarité du Vieux-Moulin", "1171234567", LocalDate.of(2026, 6, 30),
            "Dissolution votée en assemblée");

    static final MembershipApplied MEMBERSHIP_APPLIED = new MembershipApplied(MEMBERSHIP, ORG, NETWORK, "REGULAR",
            "APPLIED", null, false, false, null, null, LocalDate.of(2025, 3, 10), null);

    static final MembershipApproved MEMBERSHIP_APPROVED = new MembershipApproved(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "APPROVED", "APPLIED", false, false, null, null, LocalDate.of(2025, 3, 20), null);

    static final MembershipRejected MEMBERSHIP_REJECTED = new MembershipRejected(MEMBERSHIP, ORG, NETWORK,
            "ASSOCIATE", "REJECTED", "APPLIED", false, false, null, null, LocalDate.of(2025, 3, 20),
            "Mission hors du champ du réseau");

    static final MembershipActivated MEMBERSHIP_ACTIVATED = new MembershipActivated(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "ACTIVE", "APPROVED", true, true, START, END, START, null);

    static final MembershipRenewalDue MEMBERSHIP_RENEWAL_DUE = new MembershipRenewalDue(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "RENEWAL_DUE", "ACTIVE", true, true, START, END, LocalDate.of(2026, 2, 1),
            "Fenêtre de renouvellement ouverte", new BigDecimal("150.00"), "CAD");

    static final MembershipInGrace MEMBERSHIP_IN_GRACE = new MembershipInGrace(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "IN_GRACE", "RENEWAL_DUE", true, true, START, END, LocalDate.of(2026, 4, 1),
            "Période terminée sans renouvellement", LocalDate.of(2026, 5, 31));

    static final MembershipLapsed MEMBERSHIP_LAPSED = new MembershipLapsed(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "LAPSED", "IN_GRACE", false, false, START, END, LocalDate.of(2026, 6, 1),
            "Délai de grâce écoulé");

    static final MembershipSuspended MEMBERSHIP_SUSPENDED = new MembershipSuspended(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "SUSPENDED", "ACTIVE", false, false, START, END, LocalDate.of(2025, 9, 15),
            "Manquement aux règlements généraux");

    static final MembershipReinstated MEMBERSHIP_REINSTATED = new MembershipReinstated(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "ACTIVE", "SUSPENDED", true, true, START, END, LocalDate.of(2025, 10, 1), null);

    static final MembershipResigned MEMBERSHIP_RESIGNED = new MembershipResigned(MEMBERSHIP, ORG, NETWORK,
            "ASSOCIATE", "RESIGNED", "ACTIVE", false, false, START, END, LocalDate.of(2025, 11, 30),
            "Réorientation de la mission");

    static final MembershipTerminated MEMBERSHIP_TERMINATED = new MembershipTerminated(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "TERMINATED", "LAPSED", false, false, START, END, LocalDate.of(2026, 6, 30),
            "Organisation fermée");

    static final MembershipRenewed MEMBERSHIP_RENEWED = new MembershipRenewed(MEMBERSHIP, ORG, NETWORK,
            "REGULAR", "ACTIVE", "RENEWAL_DUE", true, true, START, LocalDate.of(2027, 3, 31),
            LocalDate.of(2026, 3, 2), null, END, false);

    static final MembershipFeeRecorded MEMBERSHIP_FEE_RECORDED = new MembershipFeeRecorded(MEMBERSHIP, ORG,
            NETWORK, "REGULAR", "RENEWAL_DUE", "RENEWAL_DUE", true, true, START, END, LocalDate.of(2026, 3, 2), null,
            LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), new BigDecimal("150.00"), "CAD",
            LocalDate.of(2026, 3, 2), "CHEQUE", "1042");

    static final EmployeeAdded EMPLOYEE_ADDED = new EmployeeAdded("emp-91d0", ORG, "Odile", "Tremblay-Fictif",
            "odile@vieux-moulin.example", "Coordonnatrice", "FULL_TIME", new BigDecimal("35"),
            LocalDate.of(2024, 8, 19), null, null);

    static final EmployeeUpdated EMPLOYEE_UPDATED = new EmployeeUpdated("emp-91d0", ORG, "Odile",
            "Tremblay-Fictif", "odile@vieux-moulin.example", "Directrice générale", "FULL_TIME",
            new BigDecimal("37.5"), LocalDate.of(2024, 8, 19), null, "user-3310",
            List.of("jobTitle", "weeklyHours", "userId"));

    static final EmployeeLeft EMPLOYEE_LEFT = new EmployeeLeft("emp-91d0", ORG, "Odile", "Tremblay-Fictif",
            "odile@vieux-moulin.example", "Directrice générale", "FULL_TIME", new BigDecimal("37.5"),
            LocalDate.of(2024, 8, 19), LocalDate.of(2026, 1, 9), "user-3310", "Démission");

    static final NetworkConfigured NETWORK_CONFIGURED = new NetworkConfigured("csmo-esac",
            "Comité sectoriel de main-d’œuvre de l’économie sociale et de l’action communautaire", 3, 31, true, false);

    static final AccessGranted ACCESS_GRANTED = new AccessGranted("grant-51c2", "user-3310", "ORG_ADMIN", ORG, null,
            null, "user-0007");

    static final AccessRevoked ACCESS_REVOKED = new AccessRevoked("grant-51c2", "user-3310", "ORG_ADMIN", ORG, null,
            null, "user-0007");

    static final List<EventData> ALL = List.of(NETWORK_CONFIGURED, ORGANIZATION_REGISTERED, ORGANIZATION_UPDATED, ORGANIZATION_CLOSED,
            MEMBERSHIP_APPLIED, MEMBERSHIP_APPROVED, MEMBERSHIP_REJECTED, MEMBERSHIP_ACTIVATED,
            MEMBERSHIP_RENEWAL_DUE, MEMBERSHIP_IN_GRACE, MEMBERSHIP_LAPSED, MEMBERSHIP_SUSPENDED,
            MEMBERSHIP_REINSTATED, MEMBERSHIP_RESIGNED, MEMBERSHIP_TERMINATED, MEMBERSHIP_RENEWED,
            MEMBERSHIP_FEE_RECORDED, EMPLOYEE_ADDED, EMPLOYEE_UPDATED, EMPLOYEE_LEFT,
            ACCESS_GRANTED, ACCESS_REVOKED);

    private MembershipEventSamples() {
    }
}
