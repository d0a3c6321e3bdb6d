package qc.esac.training;

import java.math.BigDecimal;

/** Hours, prices and units shown as people write them: 12 not 12.00, 120 not 1.2E+2. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
