package qc.esac.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EsacDefaultsEnvironmentPostProcessorTest {

    private final EsacDefaultsEnvironmentPostProcessor processor = new EsacDefaultsEnvironmentPostProcessor();

    @Test
    void contributesOperationalDefaults() {
        ConfigurableEnvironment environment = environment(Map.of("spring.application.name", "training-service"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus,metrics");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,mongo");
        assertThat(environment.getProperty("management.endpoint.health.group.liveness.include"))
                .isEqualTo("livenessState");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("training-service");
        assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("framework");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("esac-api");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("management.observations.enable.spring.security")).isEqualTo("false");
        assertThat(environment.getProperty("management.metrics.observations.ignored-meters"))
                .isEqualTo("long-task-timer");
        assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
    }

    @Test
    void theAudienceComesFromItsProperty() {
        ConfigurableEnvironment environment = environment(Map.of("esac.security.audience", "autre-api"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("autre-api");
    }

    @Test
    void applicationPropertiesWin() {
        ConfigurableEnvironment environment = environment(Map.of(
                "management.endpoints.web.exposure.include", "health",
                "management.tracing.sampling.probability", "0.1"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .isEqualTo(EsacDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
    }

    @Test
    void jsonLogsCanBeTurnedOff() {
        ConfigurableEnvironment environment = environment(Map.of("esac.logging.json", "false"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
    }

    /**
     * The real thing: registered through spring.factories, run by SpringApplication after the
     * application's files are loaded; a config file and the command line both override it.
     */
    @Test
    void aRunningApplicationSeesDefaultsBelowItsOwnConfiguration() {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(
                "--spring.config.name=defaults-override-test", "--management.endpoint.health.probes.enabled=false")) {
            ConfigurableEnvironment environment = context.getEnvironment();

            assertThat(environment.getPropertySources().contains(EsacDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                    .isTrue();
            // From defaults-override-test.properties
            assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
            // From the command line
            assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("false");
            // Untouched defaults
            assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                    .isEqualTo("readinessState,mongo");
            assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("override-test");
        }
    }

    private static ConfigurableEnvironment environment(Map<String, Object> applicationProperties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", applicationProperties));
        return environment;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
