package qc.esac.kit.idempotency;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import jakarta.servlet.DispatcherType;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import qc.esac.kit.messaging.MessagingAutoConfiguration;
import qc.esac.kit.security.EsacSecurityAutoConfiguration;
import qc.esac.kit.security.ProblemResponseWriter;

/**
 * {@code Idempotency-Key} on POST for every servlet service with a MongoDB store: nothing to do in the
 * service; {@code esac.idempotency.enabled=false} turns it off. See {@link IdempotencyFilter}.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, EsacSecurityAutoConfiguration.class,
        MessagingAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({MongoTemplate.class, ProblemResponseWriter.class})
@ConditionalOnProperty(prefix = "esac.idempotency", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore idempotencyStore(MongoTemplate mongo, IdempotencyProperties properties,
            ObjectProvider<Clock> clock) {
        return new IdempotencyStore(mongo, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(name = "idempotencyFilterRegistration")
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyStore store,
            IdempotencyProperties properties, ProblemResponseWriter problems, ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, properties, problems, meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setName("idempotencyFilter");
        registration.setOrder(IdempotencyFilter.ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /** Declares the optional header on every operation it applies to, so that client generators offer it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({OpenAPI.class, GlobalOpenApiCustomizer.class})
    static class OpenApiConfiguration {

        @Bean
        GlobalOpenApiCustomizer idempotencyKeyOpenApiCustomizer(IdempotencyProperties properties) {
            return openApi -> {
                if (openApi.getPaths() == null) {
                    return;
                }
                openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                    boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                            .anyMatch(parameter -> IdempotencyKeys.HEADER.equalsIgnoreCase(parameter.getName()));
                    if (properties.appliesTo(method.name()) && !declared) {
                        operation.addParametersItem(new HeaderParameter().name(IdempotencyKeys.HEADER).required(false)
                                .description("Clé unique (par exemple un UUID) rendant la requête rejouable sans "
                                        + "double effet : une nouvelle tentative avec la même clé reçoit la réponse "
                                        + "d’origine (en-tête Idempotency-Replayed: true).")
                                .schema(new StringSchema().minLength(1).maxLength(IdempotencyKeys.MAX_LENGTH)));
                    }
                }));
            };
        }
    }
}
