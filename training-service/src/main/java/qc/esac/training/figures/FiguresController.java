package qc.esac.training.figures;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.security.EsacUser;
import qc.esac.training.FiscalYear;
import qc.esac.training.TrainingClock;
import qc.esac.training.coaching.CoachingEntry;
import qc.esac.training.coaching.CoachingService;
import qc.esac.training.organization.NetworkFiscalYears;
import qc.esac.training.pamt.PamtFigures;
import qc.esac.training.pamt.PamtService;
import qc.esac.training.session.SessionService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A network's figures for one of its fiscal years, as its annual report presents them. */
@RestController
class FiguresController {

    private final SessionService sessions;
    private final CoachingService coaching;
    private final PamtService pamt;
    private final TrainingClock clock;
    private final NetworkFiscalYears fiscalYears;

    FiguresController(SessionService sessions, CoachingService coaching, PamtService pamt, TrainingClock clock,
                      NetworkFiscalYears fiscalYears) {
        this.fiscalYears = fiscalYears;
        this.sessions = sessions;
        this.coaching = coaching;
        this.pamt = pamt;
        this.clock = clock;
    }

    @GetMapping("/api/training/figures")
    @Operation(summary = "Obtenir les chiffres de l’année",
            description = "Year figures: sessions, themes, people trained, organizations reached, CEUs, "
            + "attestations.")
    @PreAuthorize("hasRole('STAFF')")
    Figures figures(@RequestParam String networkId, @RequestParam(required = false) Integer fiscalYear,
                    EsacUser user) {
        user.requireStaffOf(networkId);
        FiscalYear year = fiscalYear == null ? fiscalYears.containing(networkId, clock.today())
                : fiscalYears.starting(networkId, fiscalYear);
        LocalDate from = year.firstDay();
        LocalDate to = year.lastDay();
        List<CoachingEntry> coached = coaching.ofNetwork(networkId, from, to);
        return new Figures(networkId, year.label(), from, to,
                YearFigures.of(sessions.completedBetween(from, to, networkId)),
                new Coaching(CoachingService.totalHours(coached),
                        (int) coached.stream().map(CoachingEntry::organizationId).distinct().count()),
                PamtFigures.of(pamt.agreementsActiveBetween(from, to, networkId), from, to));
    }

    record Coaching(BigDecimal hours, int organizations) {
    }

    record Figures(String networkId, String fiscalYear, LocalDate from, LocalDate to, YearFigures training,
                   Coaching coaching, PamtFigures pamt) {
    }
}
