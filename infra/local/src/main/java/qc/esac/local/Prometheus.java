package qc.esac.local;

/** Reads one metric from a Prometheus text exposition (a component's {@code /actuator/prometheus}): for the benchmarks and the fault suite. */
public final class Prometheus {

    private Prometheus() {
    }

    /**
     * The sum of every series of {@code metric} (any labels), or NaN when the text has none: a service that does
     * not expose it (yet) is reported as "not measured", never as zero.
     */
    public static double sum(String exposition, String metric) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (!rest.startsWith("{") && !rest.startsWith(" ")) {
                continue; // another metric whose name starts the same (esac_outbox_backlog_total...)
            }
            String[] parts = rest.substring(rest.startsWith("{") ? rest.indexOf('}') + 1 : 0).trim().split("\\s+");
            try {
                total += Double.parseDouble(parts[0]);
                found = true;
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        }
        return found ? total : Double.NaN;
    }
}
