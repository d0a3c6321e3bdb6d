package qc.esac.training.session;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Proof that a participant followed a session: its hours, its UEC and a code anyone can verify. */
public record Attestation(String id, String verificationCode, BigDecimal hours, BigDecimal uec, LocalDate issuedOn) {
}
