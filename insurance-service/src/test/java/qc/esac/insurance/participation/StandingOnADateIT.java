package qc.esac.insurance.participation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.membership.MembershipActivated;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.jwt.TestTokens;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.insurance.support.InsuranceApi.NETWORK;
import static qc.esac.insurance.support.InsuranceApi.publish;

/**
 * "In good standing" is the shared membership feed's: on a date, honouring the effective date of each change (a
 * lapse announced for the end of the fiscal year does not stop an employer from applying today).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandingOnADateIT {

    private static final String APPLICATION = """
            {"coverages": ["LTD", "DRUGS"], "classCodes": ["FULL_TIME"], "employerSharePercent": 50}""";

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    InsuranceApi api;
    LocalDate today;

    @BeforeEach
    void plan() throws Exception {
        api = new InsuranceApi(port);
        today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
    }

    @Test
    void aLapseAnnouncedForLaterStillLetsTheEmployerApplyToday() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String membership = "mem-" + UUID.randomUUID();
        publish(membership, 1, new MembershipActivated(membership, org, NETWORK, "REGULAR", "ACTIVE", "APPROVED", true,
                true, today.minusMonths(2), today.plusMonths(10), today.minusMonths(2), null));
        publish(membership, 2, new MembershipLapsed(membership, org, NETWORK, "REGULAR", "LAPSED", "ACTIVE", false,
                false, today.minusMonths(2), today.plusMonths(10), today.plusDays(30), "Non-renouvellement annoncé"));

        HttpResponse<String> applied = api.send("POST", "/api/insurance/participations/" + org,
                TestTokens.orgAdmin(org), null, APPLICATION);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    }

    @Test
    void aMembershipInForceOnlyLaterDoesNotYetLetTheEmployerApply() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String membership = "mem-" + UUID.randomUUID();
        publish(membership, 1, new MembershipActivated(membership, org, NETWORK, "REGULAR", "ACTIVE", "APPROVED", true,
                true, today.plusDays(10), today.plusYears(1), today.plusDays(10), null));

        HttpResponse<String> applied = api.send("POST", "/api/insurance/participations/" + org,
                TestTokens.orgAdmin(org), null, APPLICATION);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(422);
        assertThat(applied.body()).contains("Membre en règle requis");
    }
}
