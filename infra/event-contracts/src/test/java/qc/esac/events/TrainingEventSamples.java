package qc.esac.events;

import qc.esac.events.training.AttestationIssued;
import qc.esac.events.training.DiagnosticCompleted;
import qc.esac.events.training.PamtAgreementSigned;
import qc.esac.events.training.PamtCertificateIssued;
import qc.esac.events.training.PamtCompetencyAttested;
import qc.esac.events.training.RegistrationCancelled;
import qc.esac.events.training.RegistrationConfirmed;
import qc.esac.events.training.RegistrationWaitlisted;
import qc.esac.events.training.SessionCancelled;
import qc.esac.events.training.SessionCompleted;
import qc.esac.events.training.SessionScheduled;
import qc.esac.events.training.SessionUpdated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Valid samples of the training context's event records (see {@link EventSamples}). */
final class TrainingEventSamples {

    private static final LocalDate START = LocalDate.of(2026, 3, 10);

    static final SessionScheduled SESSION_SCHEDULED = new SessionScheduled("ses-1", "crs-gestion-rh",
            "Gestion des ressources humaines dans un petit organisme", "reseau-csmo-esac", List.of("GRH"), START,
            START.plusDays(1), "IN_PERSON", new BigDecimal("12"), new BigDecimal("1.2"), 20, new BigDecimal("120.00"),
            new BigDecimal("180.00"), START.minusDays(7));

    static final AttestationIssued ATTESTATION_ISSUED = new AttestationIssued("att-1", "K7QM-4TXA-9PRD", "ses-1",
            "crs-gestion-rh", "Gestion des ressources humaines dans un petit organisme", "reseau-csmo-esac", "org-7f3a",
            "emp-42", true, new BigDecimal("12"), new BigDecimal("1.2"), START.plusDays(2));

    static final List<EventData> ALL = List.of(
            SESSION_SCHEDULED,
            new SessionUpdated("ses-1", "crs-gestion-rh", "Gestion des ressources humaines dans un petit organisme",
                    "reseau-csmo-esac", List.of("GRH"), START, START.plusDays(1), "ONLINE_SYNCHRONOUS",
                    new BigDecimal("12"), new BigDecimal("1.2"), 24, new BigDecimal("120.00"), new BigDecimal("180.00"),
                    START.minusDays(5), "OPEN"),
            new SessionCancelled("ses-1", "crs-gestion-rh", "reseau-csmo-esac", START, "Formatrice malade",
                    START.minusDays(2)),
            new SessionCompleted("ses-1", "crs-gestion-rh", "reseau-csmo-esac", List.of("GRH"), START,
                    START.plusDays(1), new BigDecimal("12"), 18, 17, START.plusDays(2)),
            new RegistrationConfirmed("reg-1", "ses-1", "crs-gestion-rh", "reseau-csmo-esac", "org-7f3a", "emp-42",
                    true, new BigDecimal("120.00"), true, false),
            new RegistrationWaitlisted("reg-2", "ses-1", "crs-gestion-rh", "reseau-csmo-esac", "org-7f3a", "emp-43",
                    1),
            new RegistrationCancelled("reg-1", "ses-1", "crs-gestion-rh", "reseau-csmo-esac", "org-7f3a", "emp-42",
                    "CONFIRMED", "PARTICIPANT_WITHDREW", false),
            ATTESTATION_ISSUED,
            new PamtAgreementSigned("agr-1", "PAD", "Préposé ou préposée d’aide à domicile", "org-7f3a", "emp-50",
                    "emp-51", 6, START),
            new PamtCompetencyAttested("agr-1", "PAD", "org-7f3a", "emp-50", "emp-51", "C1", "P3KD-8QWA-7MNB",
                    START.plusMonths(2), 5),
            new PamtCertificateIssued("agr-1", "PAD", "Préposé ou préposée d’aide à domicile", "org-7f3a", "emp-50",
                    "emp-51", "Q9TR-2HXE-4LCV", START.plusMonths(8)),
            new DiagnosticCompleted("dia-1", "org-7f3a", 4, 1,
                    List.of(new DiagnosticCompleted.Priority("GRH", new BigDecimal("2.6"), 1),
                            new DiagnosticCompleted.Priority("GOUVERNANCE", new BigDecimal("1.8"), 2)),
                    START));

    private TrainingEventSamples() {
    }
}
