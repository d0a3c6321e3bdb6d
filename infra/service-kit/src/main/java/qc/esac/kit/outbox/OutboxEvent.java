package qc.esac.kit.outbox;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * An event waiting in an aggregate document's outbox, with every CloudEvents attribute fixed at the time
 * of the write, so that a re-publication after a crash sends exactly the same event (same id).
 */
public record OutboxEvent(String id, String type, String topic, String source, String subject, long sequence,
                          Instant time, String dataSchema, String data, String traceparent) {

    static final String ID = "id";

    Document toDocument() {
        return new Document(ID, id)
                .append("type", type)
                .append("topic", topic)
                .append("source", source)
                .append("subject", subject)
                .append("sequence", sequence)
                .append("time", Date.from(time))
                .append("dataschema", dataSchema)
                .append("data", data)
                .append("traceparent", traceparent);
    }

    static OutboxEvent fromDocument(Document document) {
        Number sequence = document.get("sequence", Number.class);
        return new OutboxEvent(document.getString(ID), document.getString("type"), document.getString("topic"),
                document.getString("source"), document.getString("subject"), sequence.longValue(),
                document.getDate("time").toInstant(), document.getString("dataschema"), document.getString("data"),
                document.getString("traceparent"));
    }
}
