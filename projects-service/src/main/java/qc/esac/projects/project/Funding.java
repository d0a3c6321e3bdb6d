package qc.esac.projects.project;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money granted to the project by a programme or funder, in Canadian dollars (to the cent). */
public record Funding(String programme, BigDecimal amount) {

    public Funding {
        amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
