package qc.esac.projects.platform;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventData;
import qc.esac.events.Topics;
import qc.esac.events.insurance.ParticipationActivated;
import qc.esac.events.insurance.ParticipationApplied;
import qc.esac.events.insurance.ParticipationInGrace;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.MembershipReinstated;
import qc.esac.events.training.AttestationIssued;
import qc.esac.projects.ProjectsTestSupport;
import qc.esac.projects.ProjectsTestSupport.Response;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicators bound to training, insurance and membership sources, moved by those services' real event records
 * published on the real broker as the producing service would, read back through this service's reports.
 * Each project has a previous and a current period, so every test also shows in which period a fact counts;
 * redelivered and older events change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformSourcesIT {

    static final String STAFF = TestTokens.staff("csmo-esac");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Montreal"));
    /** The previous period ends the day before the current one starts. */
    static final LocalDate CURRENT_START = TODAY.minusDays(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final List<RecordMetadata> published = new ArrayList<>();
    ProjectsTestSupport api;
    String lead;
    String partner;
    String secondPartner;
    String observer;
    String outsider;

    @BeforeEach
    void organizations() {
        api = new ProjectsTestSupport(port);
        List<String> ids = List.copyOf(ProjectsTestSupport.registerOrganizations("Table de concertation du Haut",
                "Coopérative de services à domicile", "Entreprise d’insertion du Bas", "Fondation observatrice",
                "Organisme hors projet").values());
        lead = ids.get(0);
        partner = ids.get(1);
        secondPartner = ids.get(2);
        observer = ids.get(3);
        outsider = ids.get(4);
    }

    @Test
    void trainingAttestationsForAPartnersEmployeesMoveABoundIndicator() throws Exception {
        Periods periods = project(PlatformSource.TRAINING_ATTESTATIONS_ISSUED, "ATTESTATIONS");
        String session = UUID.randomUUID().toString();
        String partnerAttestation = UUID.randomUUID().toString();

        publishTraining(session, 1, attestation(session, lead, true, TODAY.minusDays(5)));
        publishTraining(session, partnerAttestation, 2,
                attestation(partnerAttestation, session, partner, true, TODAY.minusDays(5)));
        publishTraining(session, 3, attestation(session, outsider, true, TODAY.minusDays(5)));
        publishTraining(session, 4, attestation(session, observer, true, TODAY.minusDays(5)));
        publishTraining(session, 5, attestation(session, partner, false, TODAY.minusDays(5)));
        publishTraining(session, 6, attestation(session, secondPartner, true, CURRENT_START.minusDays(10)));
        awaitConsumed();

        // The lead's and the partner's employees this period; outsiders, observers and non-employees not at all.
        assertThat(value(periods.current())).isEqualTo(2.0);
        assertThat(value(periods.previous())).as("issued during the previous period").isEqualTo(1.0);

        // Training delivers the partner's attestation again: counted once.
        publishTraining(session, partnerAttestation, 2,
                attestation(partnerAttestation, session, partner, true, TODAY.minusDays(5)));
        awaitConsumed();
        assertThat(value(periods.current())).isEqualTo(2.0);

        // Another session's attestation for a partner's employee moves it again.
        String nextSession = UUID.randomUUID().toString();
        publishTraining(nextSession, 1, attestation(nextSession, secondPartner, true, TODAY));
        awaitConsumed();
        assertThat(value(periods.current())).isEqualTo(3.0);
        Response report = api.get(periods.current() + "/report", STAFF);
        assertThat(report.json().at("/indicators/0/toDate").asDouble()).as("cumulative across periods").isEqualTo(4.0);
    }

    @Test
    void insuranceParticipationCountsTheEmployersInsuredOnThePeriodsLastDay() throws Exception {
        Periods periods = project(PlatformSource.PARTNER_EMPLOYERS_INSURED, "ORGANISATIONS");
        LocalDate longAgo = CURRENT_START.minusDays(90);

        // The lead is insured in two networks' plans and goes into grace in one: one employer, still insured.
        publishInsurance(lead, 1, new ParticipationActivated(lead, "csmo-esac", "ACTIVE", longAgo));
        publishInsurance(lead, 2, new ParticipationActivated(lead, "aacocq", "ACTIVE", longAgo));
        publishInsurance(lead, 3, new ParticipationInGrace(lead, "aacocq", "IN_GRACE", TODAY.minusDays(3),
                TODAY.plusDays(60)));
        // The partner applied last period and is covered from this period on.
        publishInsurance(partner, 1, new ParticipationApplied(partner, "csmo-esac", "APPLIED", longAgo));
        publishInsurance(partner, 2, new ParticipationActivated(partner, "csmo-esac", "ACTIVE", CURRENT_START.plusDays(2)));
        // The second partner's coverage ended within this period (its last day before the period's end).
        publishInsurance(secondPartner, 1, new ParticipationActivated(secondPartner, "csmo-esac", "ACTIVE", longAgo));
        String terminationId = UUID.randomUUID().toString();
        publishInsurance(secondPartner, terminationId, 2, new ParticipationTerminated(secondPartner, "csmo-esac",
                "TERMINATED", TODAY.plusDays(5), "WITHDRAWN"));
        publishInsurance(outsider, 1, new ParticipationActivated(outsider, "csmo-esac", "ACTIVE", longAgo));
        publishInsurance(observer, 1, new ParticipationActivated(observer, "csmo-esac", "ACTIVE", longAgo));
        awaitConsumed();

        assertThat(value(periods.previous())).as("lead and second partner").isEqualTo(2.0);
        assertThat(value(periods.current())).as("lead and partner").isEqualTo(2.0);

        // The termination delivered again, then the older activation, do not revive the coverage.
        publishInsurance(secondPartner, terminationId, 2, new ParticipationTerminated(secondPartner, "csmo-esac",
                "TERMINATED", TODAY.plusDays(5), "WITHDRAWN"));
        publishInsurance(secondPartner, 1, new ParticipationActivated(secondPartner, "csmo-esac", "ACTIVE", longAgo));
        awaitConsumed();
        assertThat(value(periods.current())).isEqualTo(2.0);
        assertThat(value(periods.previous())).isEqualTo(2.0);

        // The second partner joins again later this period: counted again.
        publishInsurance(secondPartner, 3, new ParticipationActivated(secondPartner, "csmo-esac", "ACTIVE",
                TODAY.plusDays(10)));
        awaitConsumed();
        assertThat(value(periods.current())).isEqualTo(3.0);
        assertThat(value(periods.previous())).as("its earlier coverage is kept").isEqualTo(2.0);
    }

    @Test
    void aLapseEndsGoodStandingFromItsEffectiveDate() throws Exception {
        Periods periods = project(PlatformSource.PARTNERS_IN_GOOD_STANDING, "ORGANISATIONS");
        LocalDate longAgo = CURRENT_START.minusDays(200);
        String leadMembership = UUID.randomUUID().toString();
        String leadOtherMembership = UUID.randomUUID().toString();
        String partnerMembership = UUID.randomUUID().toString();
        String outsiderMembership = UUID.randomUUID().toString();

        // The lead is a member of two networks: one organization in good standing.
        publishMembership(leadMembership, 1, activated(leadMembership, lead, "csmo-esac", longAgo));
        publishMembership(leadOtherMembership, 1, activated(leadOtherMembership, lead, "aacocq", longAgo));
        publishMembership(outsiderMembership, 1, activated(outsiderMembership, outsider, "csmo-esac", longAgo));
        publishMembership(partnerMembership, 1, activated(partnerMembership, partner, "csmo-esac", longAgo));
        // The partner's membership lapses on the first day of the current period.
        String lapseId = UUID.randomUUID().toString();
        publishMembership(partnerMembership, lapseId, 2, lapsed(partnerMembership, partner, CURRENT_START));
        awaitConsumed();

        assertThat(value(periods.previous())).as("in good standing on the previous period's last day").isEqualTo(2.0);
        assertThat(value(periods.current())).as("lapsed from the first day of this one").isEqualTo(1.0);

        // The lapse delivered again, and the older activation after it, change nothing.
        publishMembership(partnerMembership, lapseId, 2, lapsed(partnerMembership, partner, CURRENT_START));
        publishMembership(partnerMembership, 1, activated(partnerMembership, partner, "csmo-esac", longAgo));
        awaitConsumed();
        assertThat(value(periods.current())).isEqualTo(1.0);

        // Reinstated within the period: in good standing again on its last day; the previous period unchanged.
        publishMembership(partnerMembership, 3, new MembershipReinstated(partnerMembership, partner, "csmo-esac",
                "REGULAR", "ACTIVE", "LAPSED", true, true, longAgo, TODAY.plusDays(300), TODAY.minusDays(1), null));
        awaitConsumed();
        assertThat(value(periods.current())).isEqualTo(2.0);
        assertThat(value(periods.previous())).isEqualTo(2.0);
    }

    // --- a project bound to a source, with a previous and a current period ----------------------------------

    record Periods(String previous, String current) {
    }

    private Periods project(PlatformSource source, String unit) throws Exception {
        Response created = api.post("/api/projects/projects", STAFF, """
                {"name": "Main-d’œuvre en services de proximité", "targetedIssues": ["PENURIE_MAIN_OEUVRE"],
                 "leadOrganizationId": "%s"}
                """.formatted(lead));
        ok(created);
        String base = "/api/projects/projects/" + created.json().get("id").asString();
        ok(api.post(base + "/partners", STAFF, partner(partner, "INITIAL_PARTNER")));
        ok(api.post(base + "/partners", STAFF, partner(secondPartner, "PARTNER")));
        ok(api.post(base + "/partners", STAFF, partner(observer, "OBSERVER")));
        ok(api.post(base + "/indicators", STAFF, """
                {"name": "Indicateur alimenté par la plateforme", "kind": "QUANTITATIVE", "source": "%s",
                 "target": {"value": 10, "unit": "%s"}}
                """.formatted(source, unit)));
        ok(api.post(base + "/activate", STAFF, null));
        return new Periods(period(base, "Période précédente", CURRENT_START.minusDays(60), CURRENT_START.minusDays(1)),
                period(base, "Période en cours", CURRENT_START, TODAY.plusDays(30)));
    }

    private String period(String base, String label, LocalDate start, LocalDate end) throws Exception {
        Response opened = api.post(base + "/periods", STAFF,
                "{\"label\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"}".formatted(label, start, end));
        ok(opened);
        return base + "/periods/" + opened.json().get("id").asString();
    }

    private double value(String period) throws Exception {
        Response report = api.get(period + "/report", STAFF);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json().at("/indicators/0/periodValue").asDouble();
    }

    // --- events as the producing services publish them ----------------------------------------------------

    private static AttestationIssued attestation(String session, String organizationId, boolean employee,
                                                 LocalDate issuedOn) {
        return attestation(UUID.randomUUID().toString(), session, organizationId, employee, issuedOn);
    }

    private static AttestationIssued attestation(String id, String session, String organizationId,
                                                 boolean employee, LocalDate issuedOn) {
        return new AttestationIssued(id, "ATT-" + id.substring(0, 8).toUpperCase(), session, "cours-gestion-benevoles",
                "Gestion des bénévoles", "csmo-esac", organizationId, UUID.randomUUID().toString(), employee,
                new BigDecimal("12"), new BigDecimal("1.2"), issuedOn);
    }

    private static MembershipActivated activated(String membership, String organizationId, String network,
                                                 LocalDate from) {
        return new MembershipActivated(membership, organizationId, network, "REGULAR", "ACTIVE", "APPROVED", true,
                true, from, from.plusYears(1).minusDays(1), from, null);
    }

    private static MembershipLapsed lapsed(String membership, String organizationId, LocalDate effective) {
        return new MembershipLapsed(membership, organizationId, "csmo-esac", "REGULAR", "LAPSED", "IN_GRACE", false,
                false, effective.minusYears(1), effective.minusDays(60), effective, "Période de grâce terminée");
    }

    private void publishTraining(String session, long sequence, AttestationIssued data) {
        publishTraining(session, UUID.randomUUID().toString(), sequence, data);
    }

    private void publishTraining(String session, String eventId, long sequence, AttestationIssued data) {
        publish(Topics.TRAINING, eventId, session, sequence, data);
    }

    private void publishInsurance(String organization, long sequence, EventData data) {
        publishInsurance(organization, UUID.randomUUID().toString(), sequence, data);
    }

    private void publishInsurance(String organization, String eventId, long sequence, EventData data) {
        publish(Topics.INSURANCE, eventId, organization, sequence, data);
    }

    private void publishMembership(String membership, long sequence, EventData data) {
        publishMembership(membership, UUID.randomUUID().toString(), sequence, data);
    }

    private void publishMembership(String membership, String eventId, long sequence, EventData data) {
        publish(Topics.MEMBERSHIP, eventId, membership, sequence, data);
    }

    /** Publishes the contract's record as its producer would (a redelivery reuses the event id). */
    private void publish(String topic, String eventId, String subject, long sequence, EventData data) {
        published.add(TestEvents.publish(topic, eventId, EventCatalog.of(data.getClass()).type(), subject, sequence,
                JSON.writeValueAsString(data)));
    }

    /** Waits until this service has consumed everything published so far, on every partition. */
    private void awaitConsumed() {
        ProjectsTestSupport.awaitConsumed(published);
        published.clear();
    }

    private static String partner(String organizationId, String role) {
        return "{\"organizationId\": \"%s\", \"role\": \"%s\"}".formatted(organizationId, role);
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
