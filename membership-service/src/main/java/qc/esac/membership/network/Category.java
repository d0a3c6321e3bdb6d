package qc.esac.membership.network;

import java.math.BigDecimal;

/**
 * A membership category of a network: regular members vote at the general meeting, associates do not.
 *
 * @param annualFee fee due for each membership period, in Canadian dollars
 */
public record Category(String code, String nameFr, String nameEn, boolean votingRights, BigDecimal annualFee) {
}
