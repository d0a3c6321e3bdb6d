package qc.esac.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ServiceFailureTest {

    private final ServiceFailure failure = new ServiceFailure();

    @Test
    void unreachableSlowOrFailingServicesCount() {
        assertThat(failure.test(new ConnectException("Connection refused"))).isTrue();
        assertThat(failure.test(new TimeoutException())).isTrue();
        assertThat(failure.test(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow",
                new TimeoutException()))).isTrue();
        assertThat(failure.test(new ResponseStatusException(HttpStatus.BAD_GATEWAY))).isTrue();
    }

    @Test
    void clientMistakesDoNotCount() {
        assertThat(failure.test(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE))).isFalse();
        assertThat(failure.test(new IllegalArgumentException("bad input"))).isFalse();
    }
}
