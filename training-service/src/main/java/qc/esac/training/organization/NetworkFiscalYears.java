package qc.esac.training.organization;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import qc.esac.events.membership.NetworkConfigured;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvent;
import qc.esac.training.FiscalYear;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Each network's fiscal year-end, learned from membership's network configuration events (the latest wins; a
 * redelivered or older one changes nothing). Figures and coaching totals count in the network's own year; a
 * network not configured yet counts from April to March.
 */
@Component
public class NetworkFiscalYears {

    static final String COLLECTION = "network_fiscal_years";

    private final MongoTemplate mongo;
    private final IdempotentUpdates updates;

    NetworkFiscalYears(MongoTemplate mongo, IdempotentUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    boolean apply(IncomingEvent event, NetworkConfigured configured) {
        // An impossible date (say June 31) fails here, so the event goes to the dead letters instead of a wrong year.
        MonthDay.of(configured.fiscalYearEndMonth(), configured.fiscalYearEndDay());
        Update update = new Update().set("name", configured.name())
                .set("fiscalYearEndMonth", configured.fiscalYearEndMonth())
                .set("fiscalYearEndDay", configured.fiscalYearEndDay());
        return updates.applyIfNewer(COLLECTION, configured.networkId(), event, update);
    }

    /** The last day of the network's fiscal year, as month and day. */
    public MonthDay yearEnd(String networkId) {
        Document document = mongo.findById(networkId, Document.class, COLLECTION);
        if (document == null || document.getInteger("fiscalYearEndMonth") == null) {
            return FiscalYear.DEFAULT_END;
        }
        return MonthDay.of(document.getInteger("fiscalYearEndMonth"), document.getInteger("fiscalYearEndDay"));
    }

    public FiscalYear containing(String networkId, LocalDate day) {
        return FiscalYear.containing(day, yearEnd(networkId));
    }

    /** The network's fiscal year starting in {@code startYear}. */
    public FiscalYear starting(String networkId, int startYear) {
        return FiscalYear.starting(startYear, yearEnd(networkId));
    }
}
