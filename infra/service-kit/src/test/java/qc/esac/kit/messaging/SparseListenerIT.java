package qc.esac.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.PropertySourcesPlaceholderConfigurer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

import qc.esac.testkit.TestInfrastructure;
import qc.esac.testkit.TestTopics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SparseListener}'s settings in a real listener container on the test broker, beside a listener without them
 * on the same records: records that arrive one by one reach the sparse listener in a few polls, all of them, in order.
 */
class SparseListenerIT {

    private static final String TOPIC = "esac.test.sparse-listener";
    private static final int RECORDS = 30;

    @Test
    void recordsArrivingOneByOneReachASparseListenerInAFewPollsAllOfThemInOrder() throws Exception {
        TestTopics.ensure(TOPIC);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            String suffix = UUID.randomUUID().toString();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                    "test.group.sparse", "sparse-" + suffix, "test.group.eager", "eager-" + suffix,
                    // Shorter than the default, so that the test is short; the setting is what is tested.
                    "esac.events.sparse-fetch-wait-ms", "200")));
            context.register(Listeners.class);
            context.refresh();
            KafkaListenerEndpointRegistry registry = context.getBean(KafkaListenerEndpointRegistry.class);
            for (MessageListenerContainer container : registry.getListenerContainers()) {
                awaitAssigned(container);
            }
            Listeners listeners = context.getBean(Listeners.class);

            List<String> sent = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < RECORDS; i++) {
                    String value = suffix + "-" + i;
                    producer.send(new ProducerRecord<>(TOPIC, suffix, value)).get();
                    sent.add(value);
                    Thread.sleep(25);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((listeners.received(listeners.sparse) < RECORDS || listeners.received(listeners.eager) < RECORDS)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(listeners.values(listeners.sparse)).containsExactlyElementsOf(sent);
            assertThat(listeners.values(listeners.eager)).containsExactlyElementsOf(sent);
            // About 0.75 s of records: the eager listener polls for nearly each, the sparse one every 200 ms.
            assertThat(listeners.sparse).as("polls of the sparse listener").hasSizeLessThanOrEqualTo(8);
            assertThat(listeners.eager.size()).as("polls of a listener without the settings")
                    .isGreaterThan(2 * listeners.sparse.size());
        }
    }

    private static void awaitAssigned(MessageListenerContainer container) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((container.getAssignedPartitions() == null || container.getAssignedPartitions().isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(container.getAssignedPartitions()).as("partitions of " + container.getGroupId()).isNotEmpty();
    }

    @Configuration
    @EnableKafka
    static class Listeners {

        /** Each poll's values, as delivered. */
        final List<List<String>> sparse = new CopyOnWriteArrayList<>();
        final List<List<String>> eager = new CopyOnWriteArrayList<>();

        @Bean
        static PropertySourcesPlaceholderConfigurer placeholders() {
            return new PropertySourcesPlaceholderConfigurer();
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory() {
            ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(),
                    new StringDeserializer()));
            return factory;
        }

        @KafkaListener(topics = TOPIC, groupId = "${test.group.sparse}", batch = "true",
                properties = {SparseListener.FETCH_MIN_BYTES, SparseListener.FETCH_MAX_WAIT})
        void sparse(List<ConsumerRecord<String, String>> records) {
            sparse.add(records.stream().map(ConsumerRecord::value).toList());
        }

        @KafkaListener(topics = TOPIC, groupId = "${test.group.eager}", batch = "true")
        void eager(List<ConsumerRecord<String, String>> records) {
            eager.add(records.stream().map(ConsumerRecord::value).toList());
        }

        int received(List<List<String>> polls) {
            return polls.stream().mapToInt(List::size).sum();
        }

        List<String> values(List<List<String>> polls) {
            return polls.stream().flatMap(List::stream).toList();
        }
    }
}
