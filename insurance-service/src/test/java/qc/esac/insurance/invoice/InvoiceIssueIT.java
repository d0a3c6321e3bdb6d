package qc.esac.insurance.invoice;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import qc.esac.events.EventCatalog;
import qc.esac.events.EventSchemas;
import qc.esac.events.Topics;
import qc.esac.events.insurance.InvoiceIssued;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.support.InsuranceApi;
import qc.esac.testkit.TopicProbe;
import qc.esac.testkit.jwt.TestTokens;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A month's invoice is issued once per employer, even when the issue runs twice at the same time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvoiceIssueIT {

    @LocalServerPort
    int port;

    @Autowired
    InsuranceCalendar calendar;

    @Autowired
    InvoiceService invoices;

    @Test
    void twoConcurrentRunsIssueOneInvoiceAndOneEvent() throws Exception {
        InsuranceApi api = new InsuranceApi(port);
        LocalDate today = calendar.today();
        api.ensurePlanYear(InsuranceApi.JSON.writeValueAsString(SamplePlans.year(today.getYear())), today.getYear());
        String org = "org-" + UUID.randomUUID();
        api.activeEmployer(org, today, "emp-" + UUID.randomUUID(), "emp-" + UUID.randomUUID());
        YearMonth month = YearMonth.from(today);
        String invoiceId = Invoice.idOf(org, month.toString());

        try (TopicProbe probe = TopicProbe.from(Topics.INSURANCE)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<InvoiceService.Run> run = () -> invoices.issueMonth(month, today);
                List<Future<InvoiceService.Run>> runs = pool.invokeAll(List.of(run, run));
                for (Future<InvoiceService.Run> f : runs) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(invoices.issueMonth(month, today).issued()).as("a third run issues nothing for it").isZero();

            probe.await(TopicProbe.subject(invoiceId), 1, Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> issued = probe.collect(TopicProbe.subject(invoiceId), Duration.ofSeconds(1));
            assertThat(issued).as("one invoice-issued event").hasSize(1);
            JsonNode data = EventSchemas.validate(EventCatalog.of(InvoiceIssued.class).type(), issued.get(0).value());
            assertThat(data.get("period").asString()).isEqualTo(month.toString());
        }

        HttpResponse<String> list = api.get("/api/insurance/organizations/" + org + "/invoices", TestTokens.orgAdmin(org));
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode page = api.json(list);
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        JsonNode invoice = page.get("items").get(0);
        // Two single employees from today: LTD 84.00 + drugs 68.50 + basic dental 28.40 a month each, by the day.
        int days = month.lengthOfMonth() - today.getDayOfMonth() + 1;
        assertThat(invoice.get("lines").size()).isEqualTo(6);
        assertThat(invoice.get("lines").get(0).get("days").asInt()).isEqualTo(days);
        assertThat(invoice.get("employerSharePercent").asInt()).isEqualTo(50);
        assertThat(invoice.get("percentOfPayroll").decimalValue()).isPositive();

        JsonNode quote = api.json(api.get("/api/insurance/organizations/" + org + "/premium", TestTokens.orgAdmin(org)));
        assertThat(quote.get("total").decimalValue()).as("nothing changed since the invoice")
                .isEqualByComparingTo(invoice.get("total").decimalValue());
        assertThat(invoices.issueMonth(month, today).issued()).as("a quote issues nothing").isZero();

        assertThat(api.get("/api/insurance/organizations/" + org + "/invoices", TestTokens.orgAdmin("org-autre")).statusCode())
                .as("another organization's administrator").isEqualTo(403);
        assertThat(api.get("/api/insurance/organizations/" + org + "/invoices/" + month, TestTokens.employee("user-x", org))
                .statusCode()).as("an employee").isEqualTo(403);
        assertThat(api.send("POST", "/api/insurance/invoices/issue", TestTokens.orgAdmin(org), null, null).statusCode())
                .as("only staff run the issue").isEqualTo(403);
    }
}
