package qc.esac.membership.roster;

import qc.esac.kit.problem.FieldViolation;

import java.util.List;

/**
 * What an import did, line by line. Line numbers are the file's (the header is line 1).
 *
 * @param blocked true when an all-or-nothing import found rejected lines and therefore added no one
 */
public record ImportReport(boolean dryRun, boolean blocked, int lines, int imported, int valid, int alreadyPresent,
                           int rejected, int failed, List<LineResult> results) {

    public enum Outcome { VALID, IMPORTED, ALREADY_PRESENT, REJECTED, FAILED }

    /** One line's outcome; {@code employeeId} names the entry added, or the one already there. */
    public record LineResult(int line, Outcome outcome, String employeeId, List<FieldViolation> problems) {

        static LineResult rejected(int line, List<FieldViolation> problems) {
            return new LineResult(line, Outcome.REJECTED, null, List.copyOf(problems));
        }

        static LineResult failed(int line) {
            return new LineResult(line, Outcome.FAILED, null, List.of());
        }
    }

    static ImportReport of(boolean dryRun, boolean blocked, List<LineResult> results) {
        return new ImportReport(dryRun, blocked, results.size(), count(results, Outcome.IMPORTED),
                count(results, Outcome.VALID), count(results, Outcome.ALREADY_PRESENT),
                count(results, Outcome.REJECTED), count(results, Outcome.FAILED), List.copyOf(results));
    }

    private static int count(List<LineResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
