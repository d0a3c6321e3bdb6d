package qc.esac.kit.docs;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

import qc.esac.kit.web.VersionHeaders;

/**
 * Derives what every operation can answer from its handler method, so that no controller repeats it:
 * <ul>
 * <li>401 and 403 on every operation (taken off the public ones by {@link PublicOperations});</li>
 * <li>400 when the request has parameters or a body (unreadable body, invalid field, wrong parameter type);</li>
 * <li>404 when the path names a resource ({@code {id}});</li>
 * <li>409 and 422 on writes (a conflict with the current state, a business rule);</li>
 * <li>what the gateway answers in front of every service: 413 (with a body), 429, 503, 504;</li>
 * <li>412 and 428 when the handler reads {@code If-Match}, whose success then carries the new {@code ETag};</li>
 * <li>the success status and headers a {@link ApiSuccess} declares ({@code Location} on 201, {@code ETag});</li>
 * <li>{@code Idempotency-Replayed} on the success of the methods the idempotency filter covers;</li>
 * <li>a stable {@code operationId} (see {@link #operationId}) unless the controller names one.</li>
 * </ul>
 * Every error is {@code application/problem+json} with the shared {@value ProblemSchema#NAME} schema.
 */
public class ApiResponsesCustomizer implements GlobalOperationCustomizer {

    private final Predicate<String> idempotentMethod;

    /** @param idempotentMethod whether the {@code Idempotency-Key} filter covers an HTTP method (e.g. POST) */
    public ApiResponsesCustomizer(Predicate<String> idempotentMethod) {
        this.idempotentMethod = idempotentMethod;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        Set<RequestMethod> httpMethods = mapping == null ? Set.of() : Set.of(mapping.method());
        boolean write = httpMethods.stream().anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD);
        boolean readsIfMatch = Arrays.stream(handler.getMethodParameters()).anyMatch(ApiResponsesCustomizer::isIfMatch);
        boolean hasPathVariable = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean hasInput = Arrays.stream(handler.getMethodParameters()).anyMatch(p ->
                p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestParam.class)
                        || p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(RequestHeader.class)
                        || p.hasParameterAnnotation(RequestPart.class));
        boolean hasBody = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestPart.class));
        boolean idempotent = httpMethods.stream().anyMatch(m -> idempotentMethod.test(m.name()));

        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(method,
                io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(operationId(handler));
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        success(responses, AnnotatedElementUtils.findMergedAnnotation(method, ApiSuccess.class), readsIfMatch, idempotent);

        if (hasInput || idempotent) {
            problem(responses, "400", "Requête invalide : corps illisible, champ ou paramètre refusé (liste `errors`). "
                    + "Invalid request: unreadable body, rejected field or parameter (`errors` list).");
        }
        problem(responses, "401", "Authentification requise : jeton absent, expiré ou invalide. "
                + "Authentication required: missing, expired or invalid token.");
        problem(responses, "403", "Accès refusé à l’appelant. Access denied to the caller.");
        if (hasPathVariable) {
            problem(responses, "404", "Ressource introuvable. Resource not found.");
        }
        if (write) {
            problem(responses, "409", "Conflit avec l’état actuel (doublon, modification concurrente"
                    + (idempotent ? ", requête de même Idempotency-Key en cours" : "") + "). "
                    + "Conflict with the current state (duplicate, concurrent change"
                    + (idempotent ? ", request with the same Idempotency-Key in progress" : "") + ").");
            problem(responses, "422", "Refusé par une règle d’affaires"
                    + (idempotent ? " (ou Idempotency-Key déjà utilisée pour une autre requête)" : "") + ". "
                    + "Refused by a business rule" + (idempotent ? " (or Idempotency-Key already used for another request)" : "") + ".");
        }
        // Answered by the gateway in front of every service (and 503 by a service whose store is unavailable).
        if (hasBody) {
            problem(responses, "413", "Corps trop volumineux (passerelle). Request body too large (gateway).");
        }
        problem(responses, "429", "Trop de requêtes (passerelle) : réessayer après Retry-After secondes. "
                + "Too many requests (gateway): retry after Retry-After seconds.");
        problem(responses, "503", "Service momentanément indisponible ou saturé : réessayer après Retry-After "
                + "secondes. Service temporarily unavailable or saturated: retry after Retry-After seconds.");
        problem(responses, "504", "Le service n’a pas répondu à temps (passerelle). "
                + "The service did not answer in time (gateway).");
        if (readsIfMatch) {
            problem(responses, "412", "La version de If-Match n’est plus la version courante. "
                    + "The If-Match version is no longer the current one.");
            problem(responses, "428", "En-tête If-Match requis (la version lue, valeur de l’ETag). "
                    + "If-Match header required (the version read, value of the ETag).");
        }
        return operation;
    }

    /**
     * The handler's name followed by its controller's subject ({@code register} in {@code OrganizationController}:
     * {@code registerOrganization}): stable and unique within a service, where springdoc's default (the method
     * name, numbered {@code _1}, {@code _2} when repeated) changes with the order handlers are found in.
     */
    static String operationId(HandlerMethod handler) {
        String subject = ClassUtils.getUserClass(handler.getBeanType()).getSimpleName().replaceFirst("Controller$", "");
        return handler.getMethod().getName() + subject;
    }

    private static boolean isIfMatch(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        return header != null && (VersionHeaders.IF_MATCH.equalsIgnoreCase(header.name())
                || VersionHeaders.IF_MATCH.equalsIgnoreCase(header.value()));
    }

    /** Moves springdoc's default 200 to the declared status(es) and adds the headers the success carries. */
    private static void success(ApiResponses responses, ApiSuccess declared, boolean readsIfMatch, boolean idempotent) {
        int status = declared == null ? 200 : declared.status();
        ApiResponse ok = responses.get("200");
        if (ok == null) {
            ok = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue)
                    .findFirst().orElseGet(() -> new ApiResponse().description("OK"));
        }
        Map<String, ApiResponse> successes = new LinkedHashMap<>();
        successes.put(Integer.toString(status), copy(ok, status));
        if (declared != null) {
            for (int other : declared.also()) {
                successes.put(Integer.toString(other), copy(ok, other));
            }
        }
        responses.keySet().removeIf(code -> code.startsWith("2"));
        boolean etag = readsIfMatch || (declared != null && declared.etag());
        successes.forEach((code, response) -> {
            if (code.equals("201")) {
                header(response, "Location", "Adresse de la ressource créée. Address of the created resource.",
                        new StringSchema().format("uri-reference"));
            }
            if (etag && !code.equals("204")) {
                header(response, VersionHeaders.ETAG, "Version de la ressource, à renvoyer dans If-Match. "
                        + "Version of the resource, to send back in If-Match.", new StringSchema());
            }
            if (idempotent) {
                header(response, "Idempotency-Replayed", "`true` quand la réponse est celle d’une requête antérieure "
                        + "de même Idempotency-Key. `true` when the response replays an earlier request with the same "
                        + "Idempotency-Key.", new BooleanSchema());
            }
            responses.addApiResponse(code, response);
        });
    }

    private static ApiResponse copy(ApiResponse ok, int status) {
        ApiResponse response = new ApiResponse().description(describe(status, ok.getDescription()));
        if (status != 204) {
            response.setContent(ok.getContent());
        }
        if (ok.getHeaders() != null) {
            response.setHeaders(new LinkedHashMap<>(ok.getHeaders()));
        }
        return response;
    }

    private static String describe(int status, String springdocDescription) {
        return switch (status) {
            case 201 -> "Créé. Created.";
            case 204 -> "Fait, sans contenu. Done, no content.";
            case 200 -> springdocDescription == null || springdocDescription.equals("OK") ? "Succès. Success."
                    : springdocDescription;
            default -> springdocDescription == null ? "Succès. Success." : springdocDescription;
        };
    }

    private static void header(ApiResponse response, String name, String description, Schema<?> schema) {
        response.addHeaderObject(name, new Header().description(description).schema(schema));
    }

    /** Adds the problem response unless the controller documented that status itself. */
    static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            ApiResponse existing = responses.get(status);
            if (existing.getContent() == null || existing.getContent().isEmpty()) {
                existing.setContent(ProblemSchema.content());
            }
            return;
        }
        ApiResponse response = new ApiResponse().description(description).content(ProblemSchema.content());
        if (status.equals("409") || status.equals("429") || status.equals("503")) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Secondes avant de réessayer. Seconds before retrying.")
                    .schema(new IntegerSchema()));
        }
        responses.addApiResponse(status, response);
    }
}
