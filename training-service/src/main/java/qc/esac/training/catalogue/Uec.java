package qc.esac.training.catalogue;

import qc.esac.training.Decimals;

import java.math.BigDecimal;
import java.util.Collection;

/** Continuing-education units: <strong>1 UEC = 10 hours</strong> of training, in exact decimals (12 h = 1.2 UEC). */
public final class Uec {

    private Uec() {
    }

    public static BigDecimal ofHours(BigDecimal hours) {
        return Decimals.tidy(hours.movePointLeft(1));
    }

    public static BigDecimal sum(Collection<BigDecimal> units) {
        return Decimals.tidy(units.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
