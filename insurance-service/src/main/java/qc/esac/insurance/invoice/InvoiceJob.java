package qc.esac.insurance.invoice;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.kit.time.QuebecTime;

import java.time.YearMonth;

/**
 * Issues the month's invoices every morning: on the first of the month it issues them, on later days it only
 * catches up an employer that joined or was missed. Several instances may run it.
 */
@Component
class InvoiceJob {

    private final InvoiceService invoices;
    private final InsuranceCalendar calendar;

    InvoiceJob(InvoiceService invoices, InsuranceCalendar calendar) {
        this.invoices = invoices;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${esac.insurance.invoices.cron:0 0 6 * * *}", zone = QuebecTime.ZONE_ID)
    void issue() {
        invoices.issueMonth(YearMonth.from(calendar.today()), calendar.today());
    }
}
