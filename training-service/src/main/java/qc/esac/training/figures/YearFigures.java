package qc.esac.training.figures;

import qc.esac.training.Decimals;
import qc.esac.training.catalogue.Uec;
import qc.esac.training.session.Registration;
import qc.esac.training.session.RegistrationStatus;
import qc.esac.training.session.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a network reports on its training year, computed from the sessions completed in it.
 *
 * @param sessionsHeld          sessions given and completed
 * @param coursesGiven          distinct catalogue courses among them
 * @param distinctThemes        distinct themes they covered
 * @param trainingHours         hours of training given (sum of the sessions' hours)
 * @param peopleTrained         distinct participants who attended (any hours)
 * @param participations        confirmed participations that were attended
 * @param organizationsReached  distinct organizations of those participants
 * @param attestations          attestations issued
 * @param uecIssued             UEC issued, in exact decimals
 * @param satisfactionAverage   average 1-5 rating, one decimal; null when nobody rated
 * @param satisfactionRatings   how many participants rated
 */
public record YearFigures(int sessionsHeld, int coursesGiven, int distinctThemes, BigDecimal trainingHours,
                          int peopleTrained, int participations, int organizationsReached, int attestations,
                          BigDecimal uecIssued, BigDecimal satisfactionAverage, int satisfactionRatings) {

    public static YearFigures of(List<Session> completed) {
        Predicate<Registration> attended = r -> r.status() == RegistrationStatus.CONFIRMED
                && r.attendedHours() != null && r.attendedHours().signum() > 0;
        List<Registration> participations = completed.stream().flatMap(s -> s.registrations().stream())
                .filter(attended).toList();
        List<Integer> ratings = completed.stream().flatMap(s -> s.registrations().stream())
                .map(Registration::satisfaction).filter(Objects::nonNull).toList();
        BigDecimal satisfaction = ratings.isEmpty() ? null
                : BigDecimal.valueOf(ratings.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(ratings.size()), 1, RoundingMode.HALF_UP);
        List<BigDecimal> uec = participations.stream().filter(r -> r.attestation() != null)
                .map(r -> r.attestation().uec()).toList();
        return new YearFigures(completed.size(),
                (int) completed.stream().map(Session::courseId).distinct().count(),
                (int) completed.stream().flatMap(s -> s.themes().stream()).distinct().count(),
                Decimals.tidy(completed.stream().map(Session::hours).reduce(BigDecimal.ZERO, BigDecimal::add)),
                (int) participations.stream().map(r -> r.participant().personId()).distinct().count(),
                participations.size(),
                (int) participations.stream().map(Registration::organizationId).distinct().count(),
                uec.size(), Uec.sum(uec), satisfaction, ratings.size());
    }
}
