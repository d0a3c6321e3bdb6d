package qc.esac.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkTest {

    @Test
    void readsTheRateAndTheErrorsOfWrksReport() {
        String output = """
                Running 3s test @ http://127.0.0.1:20080/api/membership/reference/regions
                  2 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency    12.41ms    8.02ms  98.11ms   80.12%
                    Req/Sec   654.21    101.33   900.00     70.00%
                  3912 requests in 3.01s, 4.10MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 7
                Requests/sec:   1299.67
                Transfer/sec:      1.36MB
                """;

        assertThat(Wrk.parse(output)).contains(new Wrk.Result(1299.67, 7, 3));
    }

    @Test
    void aCleanRunHasNoErrorsAndGarbageIsNoResult() {
        assertThat(Wrk.parse("  100 requests in 1.00s, 1KB read\nRequests/sec:    100.00\n"))
                .contains(new Wrk.Result(100.0, 0, 0));
        assertThat(Wrk.parse("unable to connect to 127.0.0.1:20080 Connection refused")).isEmpty();
    }
}
