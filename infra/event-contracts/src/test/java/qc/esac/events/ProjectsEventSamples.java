package qc.esac.events;

import qc.esac.events.projects.PartnerInvitationEnded;
import qc.esac.events.projects.PartnerInvited;
import qc.esac.events.projects.PartnerJoined;
import qc.esac.events.projects.PartnerLeft;
import qc.esac.events.projects.PeriodApproved;
import qc.esac.events.projects.PeriodLocked;
import qc.esac.events.projects.PeriodSubmitted;
import qc.esac.events.projects.ProjectActivated;
import qc.esac.events.projects.ProjectCompleted;
import qc.esac.events.projects.ProjectCreated;
import qc.esac.events.projects.StepCompleted;

import java.time.LocalDate;
import java.util.List;

/** Valid samples of the projects context's event records (see {@link EventSamples}). */
final class ProjectsEventSamples {

    static final ProjectCreated PROJECT_CREATED = new ProjectCreated("prj-2b1c", "Reprise collective d’entreprises en région", "org-7f3a", List.of("TRANSFERT_ENTREPRISE", "VIEILLISSEMENT_POPULATION"), List.of(), LocalDate.parse("2025-04-01"), LocalDate.parse("2028-03-31"));
    static final ProjectActivated PROJECT_ACTIVATED = new ProjectActivated("prj-2b1c", "Reprise collective d’entreprises en région", "org-7f3a", List.of("org-7f3a", "org-91d0"), LocalDate.parse("2025-04-07"));
    static final ProjectCompleted PROJECT_COMPLETED = new ProjectCompleted("prj-2b1c", "Reprise collective d’entreprises en région", LocalDate.parse("2028-03-28"), 100);
    static final PartnerJoined PARTNER_JOINED = new PartnerJoined("prj-2b1c", "org-91d0", "PARTNER", LocalDate.parse("2025-05-12"));
    static final PartnerLeft PARTNER_LEFT = new PartnerLeft("prj-2b1c", "org-91d0", LocalDate.parse("2026-01-15"));
    static final StepCompleted STEP_COMPLETED = new StepCompleted("prj-2b1c", "stp-1", "Recenser les entreprises participantes", LocalDate.parse("2025-09-30"), 20);
    static final PeriodSubmitted PERIOD_SUBMITTED = new PeriodSubmitted("per-5e21", "prj-2b1c", "2025-2026", LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-20"));
    static final PeriodApproved PERIOD_APPROVED = new PeriodApproved("per-5e21", "prj-2b1c", "2025-2026", LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"), LocalDate.parse("2026-05-02"));
    static final PeriodLocked PERIOD_LOCKED = new PeriodLocked("per-5e21", "prj-2b1c", "2025-2026", LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"), LocalDate.parse("2026-05-15"), List.of(new PeriodLocked.LockedValue("ind-1", "Personnes intégrées en emploi", "PERSONNES_EN_EMPLOI", "PERSONNES", 42, true)));

    static final PartnerInvited PARTNER_INVITED = new PartnerInvited("prj-2b1c", "org-91d0", "PARTNER", LocalDate.parse("2025-05-02"));
    static final PartnerInvitationEnded PARTNER_INVITATION_ENDED = new PartnerInvitationEnded("prj-2b1c", "org-7a3e", "DECLINED", LocalDate.parse("2025-05-09"));

    static final List<EventData> ALL = List.of(PROJECT_CREATED, PROJECT_ACTIVATED, PROJECT_COMPLETED, PARTNER_JOINED, PARTNER_LEFT, PARTNER_INVITED, PARTNER_INVITATION_ENDED, STEP_COMPLETED, PERIOD_SUBMITTED, PERIOD_APPROVED, PERIOD_LOCKED);

    private ProjectsEventSamples() {
    }
}
