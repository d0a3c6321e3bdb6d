package qc.esac.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each scenario runs: the full plan for operators, the smoke plan (every scenario for a
 * few seconds) to check the harness and the stack in CI.
 */
record Plan(boolean smoke, int clients,
            Duration warmUp, Duration publishLength, Duration drainPatience,
            List<Double> endToEndRates, Duration endToEndLength,
            Duration gatewayClosedLength, List<Double> gatewayFractions, Duration gatewayOpenLength,
            Duration writePathLength,
            long growthFrom, long growthTo, double growthRate, Duration growthWindow) {

    static Plan complete() {
        return new Plan(false, 16, Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(3),
                List.of(50.0, 200.0), Duration.ofSeconds(60),
                Duration.ofSeconds(20), List.of(0.1, 0.25, 0.5, 0.75, 0.9, 1.0), Duration.ofSeconds(20),
                Duration.ofSeconds(30),
                1_000, 20_000, 20, Duration.ofMinutes(1));
    }

    /** About two minutes of load in all: enough to see that every scenario runs and what it prints. */
    static Plan quick() {
        return new Plan(true, 16, Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(60),
                List.of(50.0, 200.0), Duration.ofSeconds(6),
                Duration.ofSeconds(3), List.of(0.25, 0.75), Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                0, 200, 20, Duration.ofSeconds(5));
    }

    Plan withEndToEndRates(List<Double> rates) {
        return new Plan(smoke, clients, warmUp, publishLength, drainPatience, rates, endToEndLength,
                gatewayClosedLength, gatewayFractions, gatewayOpenLength, writePathLength, growthFrom, growthTo,
                growthRate, growthWindow);
    }

    Plan withClients(int clients) {
        return new Plan(smoke, clients, warmUp, publishLength, drainPatience, endToEndRates, endToEndLength,
                gatewayClosedLength, gatewayFractions, gatewayOpenLength, writePathLength, growthFrom, growthTo,
                growthRate, growthWindow);
    }

    /** A longer warm-up, e.g. until the C2 compiler has compiled what a scenario calls. */
    Plan withWarmUp(Duration warmUp) {
        return new Plan(smoke, clients, warmUp, publishLength, drainPatience, endToEndRates, endToEndLength,
                gatewayClosedLength, gatewayFractions, gatewayOpenLength, writePathLength, growthFrom, growthTo,
                growthRate, growthWindow);
    }

    Plan withWritePathLength(Duration writePathLength) {
        return new Plan(smoke, clients, warmUp, publishLength, drainPatience, endToEndRates, endToEndLength,
                gatewayClosedLength, gatewayFractions, gatewayOpenLength, writePathLength, growthFrom, growthTo,
                growthRate, growthWindow);
    }

    Plan withGrowth(long from, long to, double rate) {
        return new Plan(smoke, clients, warmUp, publishLength, drainPatience, endToEndRates, endToEndLength,
                gatewayClosedLength, gatewayFractions, gatewayOpenLength, writePathLength, from, to, rate,
                growthWindow);
    }
}
