package qc.esac.projects.project;

import java.math.BigDecimal;

/** Money granted to the project by a programme or funder, in Canadian dollars. */
public record Funding(String programme, BigDecimal amount) {
}
