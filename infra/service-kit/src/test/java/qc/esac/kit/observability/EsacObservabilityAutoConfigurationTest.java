package qc.esac.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EsacObservabilityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    EsacObservabilityAutoConfiguration.class))
            .withPropertyValues("spring.application.name=membership-service",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1");

    @Test
    void registersTheKafkaHealthIndicatorUnderTheNameKafka() {
        runner.run(context -> assertThat(context).hasSingleBean(KafkaHealthIndicator.class)
                .hasBean("kafkaHealthIndicator"));
    }

    @Test
    void kafkaHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
    }

    @Test
    void noKafkaHealthWithoutKafka() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EsacObservabilityAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
    }

    @Test
    void describesTheApiWithTheServiceNameAndBearerTokens() {
        runner.run(context -> {
            OpenAPI openApi = context.getBean(OpenAPI.class);
            assertThat(openApi.getInfo().getTitle()).isEqualTo("membership-service");
            SecurityScheme scheme = openApi.getComponents().getSecuritySchemes()
                    .get(EsacObservabilityAutoConfiguration.BEARER_SCHEME);
            assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
            assertThat(scheme.getScheme()).isEqualTo("bearer");
            assertThat(scheme.getBearerFormat()).isEqualTo("JWT");
            assertThat(openApi.getSecurity()).anySatisfy(requirement ->
                    assertThat(requirement).containsKey(EsacObservabilityAutoConfiguration.BEARER_SCHEME));
        });
    }
}
