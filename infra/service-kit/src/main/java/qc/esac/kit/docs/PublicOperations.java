package qc.esac.kit.docs;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import qc.esac.kit.security.EsacSecurityProperties;

/**
 * The document-wide part: registers the {@value ProblemSchema#NAME} schema, and marks the operations that
 * {@code esac.security.public-paths} (GET) and {@code public-post-paths} (POST) open to anonymous callers as
 * needing no security (an empty {@code security} list), without the 401 and 403 a token would bring; declares
 * every tag the operations use.
 */
public class PublicOperations implements GlobalOpenApiCustomizer {

    private final List<PathPattern> publicGets;
    private final List<PathPattern> publicPosts;

    public PublicOperations(EsacSecurityProperties security) {
        this.publicGets = parse(security.publicPaths());
        this.publicPosts = parse(security.publicPostPaths());
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        ProblemSchema.register(openApi.getComponents());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            PathContainer container = PathContainer.parsePath(path);
            open(item.getGet(), publicGets, container);
            open(item.getPost(), publicPosts, container);
            // Every tag an operation uses is declared at the top (clients and linters group by them).
            item.readOperations().forEach(operation -> {
                if (operation.getTags() != null) {
                    operation.getTags().forEach(tag -> declare(openApi, tag));
                }
            });
        });
    }

    private static void declare(OpenAPI openApi, String name) {
        if (openApi.getTags() == null || openApi.getTags().stream().noneMatch(tag -> name.equals(tag.getName()))) {
            openApi.addTagsItem(new Tag().name(name));
        }
    }

    private static void open(io.swagger.v3.oas.models.Operation operation, List<PathPattern> patterns,
            PathContainer path) {
        if (operation == null || patterns.stream().noneMatch(pattern -> pattern.matches(path))) {
            return;
        }
        operation.setSecurity(List.of());
        if (operation.getResponses() != null) {
            operation.getResponses().remove("401");
            operation.getResponses().remove("403");
        }
    }
}
