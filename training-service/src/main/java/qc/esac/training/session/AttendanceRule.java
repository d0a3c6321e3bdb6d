package qc.esac.training.session;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An attestation requires attendance of at least 90% of the session's hours. */
public final class AttendanceRule {

    static final BigDecimal REQUIRED_PERCENT = new BigDecimal("90");

    private AttendanceRule() {
    }

    public static boolean qualifies(BigDecimal attendedHours, BigDecimal sessionHours) {
        // attended / total >= 0.9, compared without division: attended * 100 >= total * 90
        return attendedHours.movePointRight(2).compareTo(sessionHours.multiply(REQUIRED_PERCENT)) >= 0;
    }

    /** Attendance as a percentage with one decimal, for display. */
    public static BigDecimal percent(BigDecimal attendedHours, BigDecimal sessionHours) {
        return attendedHours.movePointRight(2).divide(sessionHours, 1, RoundingMode.HALF_UP);
    }
}
