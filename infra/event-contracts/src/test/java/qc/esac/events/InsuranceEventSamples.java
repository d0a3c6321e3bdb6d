package qc.esac.events;

import qc.esac.events.insurance.EnrolmentActivated;
import qc.esac.events.insurance.EnrolmentChanged;
import qc.esac.events.insurance.EnrolmentTerminated;
import qc.esac.events.insurance.InvoiceIssued;
import qc.esac.events.insurance.ParticipationActivated;
import qc.esac.events.insurance.ParticipationApplied;
import qc.esac.events.insurance.ParticipationInGrace;
import qc.esac.events.insurance.ParticipationReinstated;
import qc.esac.events.insurance.ParticipationTerminated;
import qc.esac.events.insurance.RatesRenewed;

import java.time.LocalDate;
import java.util.List;

/** Valid samples of the insurance context's event records (see {@link EventSamples}). */
final class InsuranceEventSamples {

    private static final String ORG = "org-7f3a";
    private static final String NETWORK = "aacocq";

    static final List<EventData> ALL = List.of(
            new ParticipationApplied(ORG, NETWORK, "APPLIED", LocalDate.of(2027, 1, 4)),
            new ParticipationActivated(ORG, NETWORK, "ACTIVE", LocalDate.of(2027, 2, 1)),
            new ParticipationInGrace(ORG, NETWORK, "IN_GRACE", LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31)),
            new ParticipationReinstated(ORG, NETWORK, "REINSTATED", LocalDate.of(2027, 4, 20)),
            new ParticipationTerminated(ORG, NETWORK, "TERMINATED", LocalDate.of(2027, 5, 31), "MEMBERSHIP_LAPSED"),
            new EnrolmentActivated("emp-21", ORG, "emp-21", "FULL_TIME", "FAMILY", List.of("LTD", "DRUGS", "PSYCHO"),
                    LocalDate.of(2027, 2, 1)),
            new EnrolmentChanged("emp-21", ORG, "emp-21", "FULL_TIME", "COUPLE", List.of("LTD", "PSYCHO"),
                    LocalDate.of(2027, 3, 1)),
            new EnrolmentTerminated("emp-21", ORG, "emp-21", LocalDate.of(2027, 3, 31), "EMPLOYEE_LEFT"),
            new InvoiceIssued("inv-org-7f3a-2027-03", ORG, "2027-03", LocalDate.of(2027, 3, 1),
                    LocalDate.of(2027, 3, 31), "CAD", "1834.27", "917.14", "917.13"),
            new RatesRenewed(ORG, 2028, LocalDate.of(2028, 1, 1), "0.2449", "1.0612", false));

    private InsuranceEventSamples() {
    }
}
