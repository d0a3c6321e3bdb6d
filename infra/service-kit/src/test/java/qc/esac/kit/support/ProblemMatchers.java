package qc.esac.kit.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What every problem response must have, and must not have. */
public final class ProblemMatchers {

    private ProblemMatchers() {
    }

    public static ResultMatcher problem(int status, String type, String title) {
        return all(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status),
                jsonPath("$.type").value(type),
                jsonPath("$.title").value(title),
                jsonPath("$.detail").isNotEmpty(),
                jsonPath("$.trace").doesNotExist(),
                jsonPath("$.exception").doesNotExist(),
                content().string(not(containsString("\tat "))),
                content().string(not(containsString("org.springframework"))));
    }

    public static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
