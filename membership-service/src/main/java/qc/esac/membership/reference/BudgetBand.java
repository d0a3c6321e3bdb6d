package qc.esac.membership.reference;

import java.util.Optional;

/** Annual budget bands, as the sector's surveys ask them (half of the organizations are under $300k). */
public enum BudgetBand implements Labelled {

    UNDER_100K("Moins de 100 000 $", "Under $100,000"),
    FROM_100K_TO_300K("De 100 000 $ à 300 000 $", "$100,000 to $300,000"),
    FROM_300K_TO_500K("De 300 000 $ à 500 000 $", "$300,000 to $500,000"),
    FROM_500K_TO_1M("De 500 000 $ à 1 M$", "$500,000 to $1M"),
    FROM_1M_TO_5M("De 1 M$ à 5 M$", "$1M to $5M"),
    OVER_5M("Plus de 5 M$", "Over $5M");

    private final String labelFr;
    private final String labelEn;

    BudgetBand(String labelFr, String labelEn) {
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String labelFr() {
        return labelFr;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }

    public static Optional<BudgetBand> byCode(String code) {
        return Labelled.byCode(BudgetBand.class, code);
    }
}
