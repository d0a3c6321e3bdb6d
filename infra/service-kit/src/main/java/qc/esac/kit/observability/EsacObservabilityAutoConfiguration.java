package qc.esac.kit.observability;

import java.time.Duration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka readiness and the OpenAPI description. The property defaults (probes, exposure,
 * tracing, JSON logs) come from {@link qc.esac.kit.config.EsacDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class},
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class EsacObservabilityAutoConfiguration {

    /** Name of the bearer-token scheme in the OpenAPI document. */
    public static final String BEARER_SCHEME = "bearer-jwt";
    /** How long one Kafka health check may wait for the broker (default 2s). */
    public static final String KAFKA_HEALTH_TIMEOUT_PROPERTY = "esac.health.kafka.timeout";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({AdminClient.class, KafkaAdmin.class, HealthIndicator.class})
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    static class KafkaHealthConfiguration {

        /** Bean name gives the contributor name {@code kafka}: in /actuator/health, not in the readiness group. */
        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, Environment environment) {
            Duration timeout = Binder.get(environment).bind(KAFKA_HEALTH_TIMEOUT_PROPERTY, Duration.class)
                    .orElse(Duration.ofSeconds(2));
            return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoTemplate.class, HealthIndicator.class})
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnEnabledHealthIndicator("mongo")
    static class MongoHealthConfiguration {

        /** Named so that it replaces Boot's indicator and is the {@code mongo} of the readiness group. */
        @Bean
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        MongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new MongoHealthIndicator(mongo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenAPI.class)
    static class OpenApiConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OpenAPI esacOpenApi(@Value("${spring.application.name:esac}") String applicationName,
                @Value("${esac.api.version:v1}") String version) {
            return new OpenAPI()
                    .info(new Info().title(applicationName).version(version)
                            .description("API " + applicationName + " — plateforme ESAC. Erreurs : RFC 9457 "
                                    + "(application/problem+json), en français par défaut, en anglais avec Accept-Language: en."))
                    .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                    .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
        }
    }
}
