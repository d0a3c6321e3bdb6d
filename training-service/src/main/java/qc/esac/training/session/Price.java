package qc.esac.training.session;

import java.math.BigDecimal;

/** A price quoted for one participant, and whether it is the member price. */
public record Price(BigDecimal amount, boolean member) {
}
