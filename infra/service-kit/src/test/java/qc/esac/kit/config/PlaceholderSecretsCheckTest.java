package qc.esac.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlaceholderSecretsCheckTest {

    private static final String KEY = "esac.insurance.privacy.encryption-password";

    private final PlaceholderSecretsCheck check = new PlaceholderSecretsCheck();

    @ParameterizedTest
    @ValueSource(strings = {"change-me", "CHANGE_ME", "changeme", "placeholder", "  ", "<your key>", "change-me-now"})
    void refusesAPlaceholderInARequiredSecret(String value) {
        ConfigurableEnvironment environment = environment(Map.of(
                "esac.security.required-secrets", KEY, KEY, value));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KEY);
    }

    @Test
    void refusesAMissingRequiredSecret() {
        ConfigurableEnvironment environment = environment(Map.of("esac.security.required-secrets[0]", KEY));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining(KEY);
    }

    @Test
    void refusesAPlaceholderPasswordInTheStoreAddressWithoutShowingIt() {
        ConfigurableEnvironment environment = environment(Map.of("spring.mongodb.uri",
                "mongodb://esac:change-me@mongodb-0.mongodb:27017,mongodb-1.mongodb:27017/?replicaSet=rs0"));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("spring.mongodb.uri (password)")
                .hasMessageNotContaining("mongodb-0").hasMessageNotContaining("change-me");
    }

    @Test
    void acceptsRealSecretsAndAStoreWithoutPassword() {
        ConfigurableEnvironment environment = environment(Map.of(
                "esac.security.required-secrets", KEY + ",esac.insurance.privacy.encryption-salt",
                KEY, "k7#Qv9-pLr2!xT4w", "esac.insurance.privacy.encryption-salt", "9f86d081884c7d65",
                "spring.mongodb.uri", "mongodb://127.0.0.1:27017"));

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
        assertThat(PlaceholderSecretsCheck.password("mongodb://esac:s%40cret@a:1,b:2/?replicaSet=rs0")).isEqualTo("s@cret");
    }

    @Test
    void aLocalProfileOrTheExplicitSwitchAllowsPlaceholders() {
        Map<String, Object> placeholders = Map.of("esac.security.required-secrets", KEY, KEY, "change-me");
        ConfigurableEnvironment local = environment(placeholders);
        local.setActiveProfiles("local");
        Map<String, Object> allowed = new HashMap<>(placeholders);
        allowed.put("esac.security.allow-placeholder-secrets", "true");

        assertThatCode(() -> check.postProcessEnvironment(local, new SpringApplication())).doesNotThrowAnyException();
        assertThatCode(() -> check.postProcessEnvironment(environment(allowed), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    /** Registered through spring.factories: a real application refuses to start. */
    @Test
    void aRunningApplicationRefusesToStart() {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--esac.security.required-secrets=" + KEY, "--" + KEY + "=change-me")
                .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KEY);
    }

    private static ConfigurableEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        return environment;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
