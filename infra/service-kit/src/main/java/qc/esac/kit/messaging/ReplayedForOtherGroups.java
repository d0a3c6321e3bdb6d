package qc.esac.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.kafka.support.KafkaUtils;

import java.nio.charset.StandardCharsets;

/**
 * Skips a replayed dead letter addressed to another consumer group ({@link DeadLetterHeaders#REPLAYED_FOR}): that
 * group failed on the record, this one processed it the first time. Every other record passes.
 */
public class ReplayedForOtherGroups implements RecordFilterStrategy<Object, Object> {

    @Override
    public boolean filter(ConsumerRecord<Object, Object> record) {
        return skips(record.headers().lastHeader(DeadLetterHeaders.REPLAYED_FOR), KafkaUtils.getConsumerGroupId());
    }

    static boolean skips(Header replayedFor, String group) {
        return replayedFor != null && group != null
                && !group.equals(new String(replayedFor.value(), StandardCharsets.UTF_8));
    }
}
