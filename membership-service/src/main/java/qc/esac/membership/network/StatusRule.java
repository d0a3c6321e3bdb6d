package qc.esac.membership.network;

/**
 * From {@code offsetDays} after the period's last day (negative: before it), a current membership that was not
 * renewed has {@code status}. The rules of a network are data, evaluated by one piece of code.
 */
public record StatusRule(String status, int offsetDays) {
}
