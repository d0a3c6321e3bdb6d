package qc.esac.kit.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import qc.esac.kit.config.EsacMessagesAutoConfiguration;
import qc.esac.kit.idempotency.IdempotencyAutoConfiguration;
import qc.esac.kit.security.EsacSecurityAutoConfiguration;
import qc.esac.kit.web.EsacWebAutoConfiguration;

/**
 * Just the web, security, message and idempotency auto-configurations, with MongoDB (the test
 * store) but no Kafka. The list is explicit so that other auto-configurations of the kit cannot
 * change what these tests see. Every web test of the kit uses this one context.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration.class,
        org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
        org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class,
        org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration.class,
        EsacMessagesAutoConfiguration.class,
        qc.esac.kit.config.EsacMongoAutoConfiguration.class,
        EsacWebAutoConfiguration.class,
        EsacSecurityAutoConfiguration.class,
        org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration.class,
        org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration.class,
        IdempotencyAutoConfiguration.class})
@Import({TestController.class, TestService.class, IdempotencyTestController.class, AggregateTestController.class})
public class KitTestApplication {

    /** The kit's store of keys, which the re-execution tests can make lose a request's end. */
    @Bean
    LosingIdempotencyStore idempotencyStore(org.springframework.data.mongodb.core.MongoTemplate mongo,
            qc.esac.kit.idempotency.IdempotencyProperties properties) {
        return new LosingIdempotencyStore(mongo, properties, java.time.Clock.systemUTC());
    }

    /** Meters the tests can read (the full metrics auto-configuration is the smoke test's). */
    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
