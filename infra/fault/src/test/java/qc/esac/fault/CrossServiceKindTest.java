package qc.esac.fault;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.fault.CommandKind.Outcome.DUPLICATED;
import static qc.esac.fault.CommandKind.Outcome.FOUND;
import static qc.esac.fault.CommandKind.Outcome.LOST;
import static qc.esac.fault.CommandKind.Outcome.OUT_OF_ORDER;

/**
 * The registration, enrolment and partner kinds: which organizations send them, and their verdicts on what
 * training, insurance, projects and membership answer (items as their APIs return them).
 */
class CrossServiceKindTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static List<JsonNode> items(String... items) {
        return List.of(items).stream().map(CrossServiceKindTest::json).toList();
    }

    // ---- who sends what

    @Test
    void theNewKindsComeAfterMembershipEnrolmentRightAfterItAndOnlyForOrganizationsThatSendAMembership() {
        List<CommandKind> kinds = FaultSuite.withCrossServiceKinds(List.of(new MembershipKind(5), new RosterKind(5)),
                10, URI.create("http://127.0.0.1:9000/"));

        assertThat(kinds).extracting(CommandKind::name)
                .containsExactly("membership", "enrolment", "roster", "registration", "partner");
        CommandKind membership = kinds.get(0);
        CommandKind enrolment = kinds.get(1);
        List<Integer> enrolling = IntStream.rangeClosed(1, 100).filter(enrolment::appliesTo).boxed().toList();
        assertThat(enrolling).isNotEmpty().allMatch(membership::appliesTo);
        assertThat(enrolling).hasSize(10).as("half the memberships, one organization in ten");
    }

    @Test
    void registrationsAndPartnersGoToOrganizationsThatSendNoOtherKind() {
        List<CommandKind> kinds = FaultSuite.withCrossServiceKinds(List.of(new MembershipKind(4), new RosterKind(4)),
                4, URI.create("http://127.0.0.1:9000/"));
        CommandKind registration = kinds.get(3);
        CommandKind partner = kinds.get(4);

        for (int n = 1; n <= 40; n++) {
            int sending = 0;
            for (CommandKind kind : List.of(kinds.get(0), kinds.get(2), registration, partner)) {
                sending += kind.appliesTo(n) ? 1 : 0;
            }
            assertThat(sending).as("organization %d", n).isEqualTo(1);
        }
        assertThat(IntStream.rangeClosed(1, 40).filter(registration::appliesTo)
                .filter(n -> RegistrationKind.cancels(n, 4)).count()).as("one registration in two cancelled").isEqualTo(5);
    }

    // ---- registration (training)

    private static String registration(String personId, String sessionId, String status) {
        return """
                {"id": "r-%s", "sessionId": "%s", "organizationId": "o1", "personId": "%s", "employee": true,
                 "status": "%s"}""".formatted(personId, sessionId, personId, status);
    }

    @Test
    void aRegistrationIsFoundOnceActiveOrCancelledAsTheClientLastLearnt() {
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CONFIRMED")), "e1", true, false))
                .isEqualTo(FOUND);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "WAITLISTED")), "e1", true, false))
                .isEqualTo(FOUND);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CANCELLED")), "e1", true, true))
                .isEqualTo(FOUND);
        assertThat(RegistrationKind.verdict(items(), "e1", false, false)).as("refused: nothing").isEqualTo(FOUND);
    }

    @Test
    void aRegistrationMissingTwiceOrNotInItsLastStateIsCountedSo() {
        assertThat(RegistrationKind.verdict(items(), "e1", true, false)).isEqualTo(LOST);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CONFIRMED"),
                registration("e1", "s1", "CANCELLED")), "e1", true, true)).isEqualTo(DUPLICATED);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CONFIRMED")), "e1", true, true))
                .as("cancellation accepted but not applied").isEqualTo(OUT_OF_ORDER);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CANCELLED")), "e1", true, false))
                .isEqualTo(OUT_OF_ORDER);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CONFIRMED")), "e1", false, false))
                .as("refused to the client, yet registered").isEqualTo(OUT_OF_ORDER);
    }

    @Test
    void aStepGivenUpWithoutAnswerMayHaveBeenAppliedOrNot() {
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CONFIRMED")), "e1", null, false))
                .isEqualTo(FOUND);
        assertThat(RegistrationKind.verdict(items(), "e1", null, false)).isEqualTo(FOUND);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CANCELLED")), "e1", true, null))
                .isEqualTo(FOUND);
        assertThat(RegistrationKind.verdict(items(registration("e1", "s1", "CONFIRMED"),
                registration("e1", "s1", "CONFIRMED")), "e1", null, null)).isEqualTo(DUPLICATED);
    }

    // ---- enrolment (insurance)

    private static JsonNode participation(String status) {
        return json("{\"organizationId\": \"o1\", \"status\": \"" + status + "\", \"version\": 2}");
    }

    private static String enrolment(String employeeId, String status) {
        return """
                {"employeeId": "%s", "organizationId": "o1", "classCode": "FULL_TIME", "status": "%s"}"""
                .formatted(employeeId, status);
    }

    @Test
    void anEnrolmentIsFoundOnceActiveWithItsParticipationInForce() {
        assertThat(EnrolmentKind.verdict(participation("ACTIVE"), items(enrolment("e1", "ACTIVE"),
                enrolment("e2", "ACTIVE")), "e1", 4, false)).isEqualTo(FOUND);
        assertThat(EnrolmentKind.verdict(participation("ACTIVE"), items(), "e1", 3, false)).isEqualTo(FOUND);
        assertThat(EnrolmentKind.verdict(participation("APPLIED"), items(), "e1", 2, false)).isEqualTo(FOUND);
        assertThat(EnrolmentKind.verdict(null, items(), "e1", 1, false)).as("only the employee added").isEqualTo(FOUND);
    }

    @Test
    void anEnrolmentOrParticipationMissingTwiceOrBehindIsCountedSo() {
        assertThat(EnrolmentKind.verdict(participation("ACTIVE"), items(), "e1", 4, false)).isEqualTo(LOST);
        assertThat(EnrolmentKind.verdict(null, items(), "e1", 2, false)).isEqualTo(LOST);
        assertThat(EnrolmentKind.verdict(participation("ACTIVE"), items(enrolment("e1", "ACTIVE"),
                enrolment("e1", "ACTIVE")), "e1", 4, false)).isEqualTo(DUPLICATED);
        assertThat(EnrolmentKind.verdict(participation("APPLIED"), items(enrolment("e1", "ACTIVE")), "e1", 4, false))
                .as("activation accepted but not applied").isEqualTo(OUT_OF_ORDER);
        assertThat(EnrolmentKind.verdict(participation("ACTIVE"), items(enrolment("e1", "TERMINATED")), "e1", 4,
                false)).isEqualTo(OUT_OF_ORDER);
        assertThat(EnrolmentKind.verdict(participation("ACTIVE"), items(enrolment("e1", "ACTIVE")), "e1", 3, false))
                .as("enrolled although refused to the client").isEqualTo(OUT_OF_ORDER);
        assertThat(EnrolmentKind.verdict(participation("ACTIVE"), items(), "e1", 2, true))
                .as("the activation given up may have been applied").isEqualTo(FOUND);
    }

    // ---- partner (projects, and the administrator's grant in membership)

    private static JsonNode project(String partners, String invitations) {
        return json("""
                {"id": "p1", "leadOrganization": {"id": "o1"}, "partners": [{"organization": {"id": "o1"},
                 "role": {"code": "LEAD"}}%s], "invitations": [%s], "version": 3}""".formatted(partners, invitations));
    }

    private static final String PARTNER = ", {\"organization\": {\"id\": \"o2\"}, \"role\": {\"code\": \"PARTNER\"}}";
    private static final String INVITATION = "{\"organization\": {\"id\": \"o2\"}, \"role\": {\"code\": \"PARTNER\"}}";

    @Test
    void aPartnershipIsFoundCreatedThenInvitedThenJoinedAsTheClientLastLearnt() {
        assertThat(PartnerKind.verdict(1, project("", ""), "o2", 3, false)).isEqualTo(FOUND);
        assertThat(PartnerKind.verdict(1, project("", INVITATION), "o2", 4, false)).isEqualTo(FOUND);
        assertThat(PartnerKind.verdict(1, project(PARTNER, ""), "o2", 5, false)).isEqualTo(FOUND);
        assertThat(PartnerKind.verdict(0, null, "o2", 2, false)).as("no project yet").isEqualTo(FOUND);
        assertThat(PartnerKind.verdict(1, project(PARTNER, ""), "o2", 4, true)).as("acceptance given up")
                .isEqualTo(FOUND);
    }

    @Test
    void aPartnershipMissingTwiceOrBehindIsCountedSo() {
        assertThat(PartnerKind.verdict(0, null, "o2", 5, false)).isEqualTo(LOST);
        assertThat(PartnerKind.verdict(2, null, "o2", 3, false)).as("two projects for one request")
                .isEqualTo(DUPLICATED);
        assertThat(PartnerKind.verdict(1, project(PARTNER + PARTNER, ""), "o2", 5, false)).isEqualTo(DUPLICATED);
        assertThat(PartnerKind.verdict(1, project("", INVITATION), "o2", 5, false)).as("accepted, still invited")
                .isEqualTo(OUT_OF_ORDER);
        assertThat(PartnerKind.verdict(1, project(PARTNER, INVITATION), "o2", 5, false)).isEqualTo(OUT_OF_ORDER);
        assertThat(PartnerKind.verdict(1, project("", ""), "o2", 4, false)).as("invited, no invitation")
                .isEqualTo(OUT_OF_ORDER);
        assertThat(PartnerKind.verdict(1, project("", ""), "o2", 2, false)).as("created although refused")
                .isEqualTo(OUT_OF_ORDER);
    }

    private static String grant(String email, String status) {
        return """
                {"id": "g-%s", "role": "ORG_ADMIN", "status": "%s", "organizationId": "o1", "email": "%s"}"""
                .formatted(email.hashCode(), status, email);
    }

    @Test
    void theLeadAdministratorsGrantIsFoundOnceInvitedThenActive() {
        assertThat(PartnerKind.grantVerdict(items(grant("Porteur@faute.exemple.org", "ACTIVE"),
                grant("autre@faute.exemple.org", "ACTIVE")), "porteur@faute.exemple.org", 2, false)).isEqualTo(FOUND);
        assertThat(PartnerKind.grantVerdict(items(grant("porteur@faute.exemple.org", "INVITED")),
                "porteur@faute.exemple.org", 1, false)).isEqualTo(FOUND);
        assertThat(PartnerKind.grantVerdict(items(grant("porteur@faute.exemple.org", "INVITED")),
                "porteur@faute.exemple.org", 5, false)).isEqualTo(OUT_OF_ORDER);
        assertThat(PartnerKind.grantVerdict(items(), "porteur@faute.exemple.org", 2, false)).isEqualTo(LOST);
        assertThat(PartnerKind.grantVerdict(items(grant("porteur@faute.exemple.org", "ACTIVE"),
                grant("porteur@faute.exemple.org", "INVITED")), "porteur@faute.exemple.org", 2, false))
                .isEqualTo(DUPLICATED);
        assertThat(PartnerKind.grantVerdict(items(grant("porteur@faute.exemple.org", "INVITED")),
                "porteur@faute.exemple.org", 0, false)).as("invited although refused").isEqualTo(OUT_OF_ORDER);
    }

    @Test
    void theRosterHoldsTheAddedEmployeeOnce() {
        assertThat(KindSteps.rosterVerdict(1)).isEqualTo(FOUND);
        assertThat(KindSteps.rosterVerdict(0)).isEqualTo(LOST);
        assertThat(KindSteps.rosterVerdict(2)).isEqualTo(DUPLICATED);
    }
}
