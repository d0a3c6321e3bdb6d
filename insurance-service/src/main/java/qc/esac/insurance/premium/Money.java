package qc.esac.insurance.premium;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Amounts in dollars: computed with ample precision, rounded to the cent once, half up, where a line is billed. */
public final class Money {

    /** Precision of intermediate results (rates times factors times salaries). */
    public static final MathContext WORKING = new MathContext(20, RoundingMode.HALF_UP);

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal amount) {
        return cents(amount).toPlainString();
    }
}
