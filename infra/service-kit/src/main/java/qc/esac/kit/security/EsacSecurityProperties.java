package qc.esac.kit.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esac.security.*}.
 *
 * @param publicPaths path patterns (Spring {@code PathPattern} syntax, e.g. {@code /api/training/catalogue/**})
 *        that anonymous callers may read with GET; everything else needs a token
 * @param publicPostPaths path patterns anonymous callers may POST to: computations that store nothing (e.g. a
 *        public simulator); keep it to those
 */
@ConfigurationProperties("esac.security")
public record EsacSecurityProperties(List<String> publicPaths, List<String> publicPostPaths) {

    public EsacSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        publicPostPaths = publicPostPaths == null ? List.of() : List.copyOf(publicPostPaths);
    }
}
