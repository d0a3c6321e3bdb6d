package qc.esac.testkit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;
import qc.esac.testkit.jwt.TestTokens;

import java.util.List;
import java.util.Map;

/**
 * Points every Spring test context of a JVM that has the test kit on its classpath at the shared broker and
 * store, and at the test token key. Services' tests therefore need no infrastructure code of their own.
 * The properties override the application's configuration (which points at a local broker and store) but
 * not a test's own inlined properties. A module that has the test kit for its architecture and message checks only,
 * without Kafka, MongoDB and Testcontainers on its test classpath (the gateway), gets no customizer.
 */
public class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    /** What starting the shared broker and store needs; a module without them (the gateway) takes only the checks. */
    private static final List<String> INFRASTRUCTURE_CLASSES = List.of("org.apache.kafka.clients.producer.Producer",
            "com.mongodb.client.MongoClient", "org.testcontainers.DockerClientFactory");

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        ClassLoader loader = testClass.getClassLoader();
        boolean infrastructure = INFRASTRUCTURE_CLASSES.stream().allMatch(name -> ClassUtils.isPresent(name, loader));
        return infrastructure ? new InfrastructureCustomizer() : null;
    }

    /** Stateless, hence equal to every other instance: contexts stay cacheable across test classes. */
    private static final class InfrastructureCustomizer implements ContextCustomizer {

        private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure infrastructure = TestInfrastructure.get();
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infrastructureProperties = new MapPropertySource("esacTestInfrastructure",
                    Map.of("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                            "spring.mongodb.uri", infrastructure.mongoUri(),
                            "esac.outbox.relay-interval", "200ms",
                            "esac.kafka.errors.initial-interval", "100ms",
                            "esac.kafka.errors.max-retries", "2",
                            "esac.logging.json", "false",
                            "spring.security.oauth2.resourceserver.jwt.public-key-location",
                            TestTokens.PUBLIC_KEY_LOCATION));
            if (sources.contains(INLINED_TEST_PROPERTIES)) {
                sources.addAfter(INLINED_TEST_PROPERTIES, infrastructureProperties);
            } else {
                sources.addFirst(infrastructureProperties);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureCustomizer.class.hashCode();
        }
    }
}
