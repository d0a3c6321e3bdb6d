package qc.esac.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A latency distribution in milliseconds, summarized from an HdrHistogram of microseconds.
 *
 * @param count how many values were recorded
 */
public record Latency(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    /** Up to 10 minutes in microseconds, 3 significant digits: enough for a request stuck behind a stall. */
    public static Histogram histogram() {
        return new ConcurrentHistogram(600_000_000L, 3);
    }

    /** Records {@code nanos} (clamped to the histogram's range) as microseconds. */
    public static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(0, nanos / 1_000), histogram.getHighestTrackableValue()));
    }

    public static Latency of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()), histogram.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** "p50 12.3  p99 45.6  max 78.9 ms", or "no values". */
    public String brief() {
        if (count == 0) {
            return "no values";
        }
        return "p50 %s  p99 %s  max %s ms".formatted(Format.ms(p50), Format.ms(p99), Format.ms(max));
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("p50Ms", Format.round(p50));
        json.put("p90Ms", Format.round(p90));
        json.put("p99Ms", Format.round(p99));
        json.put("p999Ms", Format.round(p999));
        json.put("maxMs", Format.round(max));
        json.put("meanMs", Format.round(mean));
        return json;
    }
}
