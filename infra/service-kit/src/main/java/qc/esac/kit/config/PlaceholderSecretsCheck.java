package qc.esac.kit.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service whose secrets are still the placeholders of a deployment file ({@code change-me} and
 * the like) or blank: deployed as they are, they would protect nothing (and personal data sealed with a published
 * key cannot be re-sealed later). Runs before any bean exists, so the failure is the first thing the log says.
 *
 * <p>Checked: the properties a service lists in {@code esac.security.required-secrets} (whole value), and the
 * password inside the store's connection string {@code spring.mongodb.uri} when it has one. The check is skipped
 * when a {@code local} or {@code dev} profile is active or {@code esac.security.allow-placeholder-secrets=true}.
 * The message names the property, never its value.
 */
public class PlaceholderSecretsCheck implements EnvironmentPostProcessor, Ordered {

    public static final String REQUIRED_SECRETS_PROPERTY = "esac.security.required-secrets";
    public static final String ALLOW_PROPERTY = "esac.security.allow-placeholder-secrets";
    /** Connection strings whose password, if any, must be real. */
    static final List<String> CONNECTION_STRINGS = List.of("spring.mongodb.uri");
    /** Compared after lower-casing and dropping everything but letters and digits ({@code Change_Me} = {@code changeme}). */
    private static final Set<String> PLACEHOLDERS = Set.of("", "changeme", "changeit", "changethis", "placeholder",
            "replaceme", "secret", "password", "todo", "tbd", "xxx", "xxxx", "example", "default");
    private static final List<String> PLACEHOLDER_PREFIXES = List.of("changeme", "replaceme", "placeholder");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("local", "dev"))
                || environment.getProperty(ALLOW_PROPERTY, Boolean.class, false)) {
            return;
        }
        List<String> refused = new ArrayList<>();
        for (String property : requiredSecrets(environment)) {
            if (isPlaceholder(environment.getProperty(property))) {
                refused.add(property);
            }
        }
        for (String property : CONNECTION_STRINGS) {
            String password = password(environment.getProperty(property));
            if (password != null && isPlaceholder(password)) {
                refused.add(property + " (password)");
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(", ", refused)
                    + (refused.size() == 1 ? " holds" : " hold") + " a placeholder or blank secret. Give "
                    + (refused.size() == 1 ? "it a real value" : "them real values")
                    + " (Kubernetes: create the Secret as the README's section Operating and deploying shows);"
                    + " for local development only, set " + ALLOW_PROPERTY + "=true or activate the 'local' profile.");
        }
    }

    private static Set<String> requiredSecrets(ConfigurableEnvironment environment) {
        return new LinkedHashSet<>(Binder.get(environment)
                .bind(REQUIRED_SECRETS_PROPERTY, Bindable.listOf(String.class)).orElse(List.of()));
    }

    static boolean isPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        String normalized = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return PLACEHOLDERS.contains(normalized) || PLACEHOLDER_PREFIXES.stream().anyMatch(normalized::startsWith)
                || value.strip().startsWith("<") && value.strip().endsWith(">");
    }

    /** The password of a {@code scheme://user:password@host} string; null when there is none or it is no URI. */
    static String password(String connectionString) {
        if (connectionString == null) {
            return null;
        }
        try {
            // MongoDB lists several hosts after the '@', which java.net.URI cannot parse: keep the first.
            String single = connectionString.replaceFirst("@([^,/]*)(,[^/]*)?", "@$1");
            String userInfo = new URI(single).getRawUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return null;
            }
            return URLDecoder.decode(userInfo.substring(userInfo.indexOf(':') + 1), StandardCharsets.UTF_8);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
