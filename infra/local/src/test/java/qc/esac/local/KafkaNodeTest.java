package qc.esac.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node started on its own (the fault suite's brokers) says what it needs when its arguments are wrong. */
class KafkaNodeTest {

    @Test
    void missingArgumentsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> KafkaNode.main(new String[]{"/tmp/kafka-1", "1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<log directory> <node id> <port> <controller port> <voters>");
    }
}
