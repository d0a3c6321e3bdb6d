package qc.esac.kit.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import qc.esac.kit.problem.ProblemTypes;
import qc.esac.kit.web.ProblemMessages;

/**
 * Writes a problem straight to the servlet response, for the security filters that answer
 * before Spring MVC (and its locale handling) ever sees the request.
 */
public class ProblemResponseWriter {

    private final ProblemMessages messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper jsonMapper;

    public ProblemResponseWriter(ProblemMessages messages, LocaleResolver localeResolver, JsonMapper jsonMapper) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        write(request, response, status, ProblemTypes.forStatus(status), code);
    }

    /** A problem with its own type, and arguments for its detail message. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String code,
            Object... args) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = messages.problem(status, type, code, args, locale);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
