package qc.esac.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.mongodb.MongoTimeoutException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import qc.esac.kit.config.EsacMessagesAutoConfiguration;
import qc.esac.kit.problem.ProblemTypes;

/**
 * Failures raised in a filter reach the error page: a store that does not answer there (the bearer-token filter
 * reads the caller's access grants) is the same French 503 as in a controller, not a 500 (the fault suite's store
 * pause got 500s before).
 */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController(new ProblemMessages(messages()));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aStoreThatDoesNotAnswerInAFilterIsA503WithRetryAfter() {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        ResponseEntity<ProblemDetail> answer = controller.error(failed(new ServletException("filter",
                new UncategorizedMongoDbException("Connection pool paused", new MongoTimeoutException("timed out")))));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemTypes.SERVICE_INDISPONIBLE);
        assertThat(answer.getBody().getProperties()).containsEntry("code", StoreUnavailable.CODE);
        assertThat(answer.getBody().getDetail()).startsWith("Les données ne peuvent pas être lues");
        assertThat(answer.getBody().getInstance().toString()).isEqualTo("/api/training/sessions");
    }

    @Test
    void anyOtherFailureInAFilterStaysA500() {
        ResponseEntity<ProblemDetail> answer = controller.error(failed(new IllegalStateException("bug")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemTypes.forStatus(500));
    }

    @Test
    void theRuleLooksThroughWrappersOnly() {
        assertThat(StoreUnavailable.isCause(new RuntimeException(new MongoTimeoutException("timed out")))).isTrue();
        assertThat(StoreUnavailable.isCause(new UncategorizedMongoDbException("bad query", null))).isFalse();
    }

    private static MockHttpServletRequest failed(Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/training/sessions");
        return request;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(EsacMessagesAutoConfiguration.KIT_BASENAME);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
