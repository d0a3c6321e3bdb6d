package qc.esac.insurance.enrolment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import qc.esac.insurance.InsuranceCalendar;
import qc.esac.insurance.participation.ParticipationService;

import java.time.LocalDate;

/**
 * Ends participations whose grace period is over, then every enrolment of terminated employers. Both steps
 * are idempotent, so running it on several instances or twice changes nothing more.
 */
@Component
public class CoverageLifecycleJob {

    private static final Logger log = LoggerFactory.getLogger(CoverageLifecycleJob.class);

    private final ParticipationService participations;
    private final EnrolmentService enrolments;
    private final InsuranceCalendar calendar;

    CoverageLifecycleJob(ParticipationService participations, EnrolmentService enrolments, InsuranceCalendar calendar) {
        this.participations = participations;
        this.enrolments = enrolments;
        this.calendar = calendar;
    }

    @Scheduled(initialDelayString = "${esac.insurance.lifecycle.initial-delay:PT1M}",
            fixedDelayString = "${esac.insurance.lifecycle.interval:PT1H}")
    void scheduled() {
        run(calendar.today());
    }

    /** Runs the lifecycle as of {@code today}; returns participations and enrolments ended. */
    public Result run(LocalDate today) {
        int participationsEnded = participations.endExpiredGraces(today);
        int enrolmentsEnded = enrolments.endEnrolmentsOfTerminatedEmployers();
        if (participationsEnded + enrolmentsEnded > 0) {
            log.info("Coverage lifecycle on {}: {} participations and {} enrolments ended", today, participationsEnded,
                    enrolmentsEnded);
        }
        return new Result(participationsEnded, enrolmentsEnded);
    }

    public record Result(int participationsEnded, int enrolmentsEnded) {
    }
}
