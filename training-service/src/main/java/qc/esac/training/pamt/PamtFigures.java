package qc.esac.training.pamt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The programme's figures for a period.
 *
 * @param agreementsSigned     agreements signed in the period
 * @param agreementsActive     agreements active on the last day of the period
 * @param certificatesIssued   qualification certificates issued in the period
 * @param competenciesAttested partial attestations issued in the period
 * @param companions           distinct companions who accompanied an apprentice during the period
 * @param apprentices          distinct apprentices during the period
 */
public record PamtFigures(LocalDate from, LocalDate to, int agreementsSigned, int agreementsActive,
                          int certificatesIssued, int competenciesAttested, int companions, int apprentices) {

    public static PamtFigures of(List<Agreement> agreements, LocalDate from, LocalDate to) {
        int signed = (int) agreements.stream().filter(a -> within(a.signedOn(), from, to)).count();
        int active = (int) agreements.stream().filter(a -> a.endedOn() == null || a.endedOn().isAfter(to)).count();
        int certificates = (int) agreements.stream().map(Agreement::certificate).filter(Objects::nonNull)
                .filter(c -> within(c.issuedOn(), from, to)).count();
        int competencies = (int) agreements.stream().flatMap(a -> a.competencies().stream())
                .filter(c -> c.attestedOn() != null && within(c.attestedOn(), from, to)).count();
        int companions = (int) agreements.stream().map(a -> a.companion().employeeId()).distinct().count();
        int apprentices = (int) agreements.stream().map(a -> a.apprentice().employeeId()).distinct().count();
        return new PamtFigures(from, to, signed, active, certificates, competencies, companions, apprentices);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
