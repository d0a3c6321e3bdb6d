package qc.esac.training;

import org.apache.kafka.clients.producer.RecordMetadata;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.MembershipInGrace;
import qc.esac.events.membership.NetworkConfigured;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestTopics;

import java.time.Duration;
import java.time.LocalDate;

/** Publishes membership events as the membership service would, and waits until training consumed them. */
public final class MembershipFixtures {

    public static final String GROUP = "training-service";

    private MembershipFixtures() {
    }

    public static void standing(Class<? extends EventData> type, String membershipId, long sequence,
                                String organizationId, String networkId, String status, boolean goodStanding,
                                LocalDate effectiveDate) {
        String data = """
                {"membershipId": "%s", "organizationId": "%s", "networkId": "%s", "category": "REGULAR",
                 "status": "%s", "previousStatus": null, "goodStanding": %s, "votingRights": %s,
                 "periodStart": "2025-04-01", "periodEnd": "2026-03-31", "effectiveDate": "%s", "reason": null%s}
                """.formatted(membershipId, organizationId, networkId, status, goodStanding, goodStanding,
                effectiveDate, type == MembershipInGrace.class
                        ? ", \"graceEnd\": \"" + effectiveDate.plusDays(60) + "\"" : "");
        await(TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(type).type(), membershipId, sequence, data));
    }

    public static void employee(Class<? extends EventData> type, String employeeId, long sequence,
                                String organizationId, String firstName, LocalDate endDate, String userId) {
        String data = """
                {"employeeId": "%s", "organizationId": "%s", "firstName": "%s", "lastName": "Exemple",
                 "workEmail": null, "jobTitle": "Intervenante", "employmentStatus": "FULL_TIME", "weeklyHours": 35,
                 "hireDate": "2022-09-01", "endDate": %s, "userId": %s%s}
                """.formatted(employeeId, organizationId, firstName, endDate == null ? "null" : "\"" + endDate + "\"",
                userId == null ? "null" : "\"" + userId + "\"", type == EmployeeLeft.class ? ", \"reason\": null" : "");
        await(TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(type).type(), employeeId, sequence, data));
    }

    public static void organizationRegistered(String organizationId, String legalName) {
        String data = """
                {"organizationId": "%s", "legalName": "%s", "neq": "1170000001", "legalForm": "OBNL",
                 "regionCode": "06", "sectorCodes": ["ECONOMIE_SOCIALE"]}
                """.formatted(organizationId, legalName);
        await(TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(OrganizationRegistered.class).type(),
                organizationId, 1, data));
    }

    public static void organizationClosed(String organizationId, LocalDate closedOn) {
        String data = """
                {"organizationId": "%s", "legalName": "Coop fermée", "neq": "1170000000", "closedOn": "%s",
                 "reason": null}
                """.formatted(organizationId, closedOn);
        await(TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(OrganizationClosed.class).type(), organizationId,
                2, data));
    }

    /** The network's configuration as membership publishes it (subject: the network id). */
    public static void networkConfigured(String networkId, long sequence, int fiscalYearEndMonth,
                                         int fiscalYearEndDay) {
        String data = """
                {"networkId": "%s", "name": "Réseau fictif", "fiscalYearEndMonth": %d, "fiscalYearEndDay": %d,
                 "graceKeepsServices": true, "graceVotes": false}
                """.formatted(networkId, fiscalYearEndMonth, fiscalYearEndDay);
        await(TestEvents.publish(Topics.MEMBERSHIP, EventCatalog.of(NetworkConfigured.class).type(), networkId,
                sequence, data));
    }

    private static void await(RecordMetadata record) {
        TestTopics.awaitConsumed(GROUP, record, Duration.ofSeconds(30));
    }
}
