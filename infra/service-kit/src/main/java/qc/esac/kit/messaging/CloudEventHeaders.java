package qc.esac.kit.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import qc.esac.events.CloudEventAttributes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CloudEvent envelope of a record in binary mode (attributes in {@code ce_*} headers, data the record value),
 * read in one pass over the headers. This is the consumer's hot path: the CloudEvents SDK's reader builds an
 * event object, a string per header and an {@link OffsetDateTime} per record through a date-time formatter, which
 * cost more than the rest of the envelope together. What the SDK would refuse is still refused: a record this
 * reader cannot vouch for (not version 1.0, a required attribute missing, a header name or a value the SDK would
 * check differently) is read by the SDK, so its verdict and message stay the reference.
 */
record CloudEventHeaders(String id, String type, String source, String subject, Instant time, Object sequence,
                         Object legacySequence, byte[] data) {

    private static final String PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final byte[] JSON = CloudEventAttributes.DATA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final String SEQUENCE = CloudEventAttributes.SEQUENCE;
    private static final String LEGACY_SEQUENCE = CloudEventAttributes.LEGACY_SEQUENCE;
    /** Sources and schema addresses already checked as URIs: a handful of values, each checked once. */
    private static final Map<String, Boolean> CHECKED_URIS = new ConcurrentHashMap<>();
    private static final int MAX_CHECKED_URIS = 1_000;

    /** The envelope, or an {@link UnprocessableEventException} when the record is not a CloudEvent. */
    static CloudEventHeaders read(ConsumerRecord<String, byte[]> record) {
        CloudEventHeaders fast = readDirectly(record);
        return fast != null ? fast : readWithSdk(record);
    }

    /** The envelope read from the headers, or null when the SDK must judge the record. */
    static CloudEventHeaders readDirectly(ConsumerRecord<String, byte[]> record) {
        String specVersion = null;
        String id = null;
        String type = null;
        String source = null;
        String subject = null;
        String time = null;
        String sequence = null;
        String legacySequence = null;
        for (Header header : record.headers()) {
            String key = header.key();
            if (!key.startsWith(PREFIX)) {
                if (CONTENT_TYPE.equals(key) && !isPlainContentType(header.value())) {
                    return null;
                }
                continue;
            }
            String name = key.substring(PREFIX.length());
            if (!isPlainExtensionName(name) || header.value() == null) {
                return null;
            }
            // Later headers of the same name win, as in the SDK.
            switch (name) {
                case "specversion" -> specVersion = utf8(header);
                case "id" -> id = utf8(header);
                case "type" -> type = utf8(header);
                case "source" -> source = utf8(header);
                case "subject" -> subject = utf8(header);
                case "time" -> time = utf8(header);
                case "dataschema" -> {
                    if (!isUri(utf8(header))) {
                        return null;
                    }
                }
                case SEQUENCE -> sequence = utf8(header);
                case LEGACY_SEQUENCE -> legacySequence = utf8(header);
                case "datacontenttype" -> {
                    // Binary mode carries it as content-type; the SDK's handling of this one is left to the SDK.
                    return null;
                }
                default -> {
                    // Another extension (traceparent...): its value is not needed here.
                }
            }
        }
        if (!"1.0".equals(specVersion) || id == null || type == null || source == null || !isUri(source)) {
            return null;
        }
        Instant at = null;
        if (time != null) {
            at = RfcTime.parse(time);
            if (at == null) {
                return null;
            }
        }
        byte[] value = record.value();
        return new CloudEventHeaders(id, type, source, subject, at, sequence, legacySequence,
                value == null || value.length == 0 ? null : value);
    }

    private static CloudEventHeaders readWithSdk(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("Not a CloudEvent: " + e.getMessage(), e);
        }
        return new CloudEventHeaders(event.getId(), event.getType(), event.getSource().toString(),
                event.getSubject(), event.getTime() == null ? null : event.getTime().toInstant(),
                event.getExtension(SEQUENCE), event.getExtension(LEGACY_SEQUENCE),
                event.getData() == null ? null : event.getData().toBytes());
    }

    /** Not a structured-mode content type ({@code application/cloudevents+json}), which the SDK reads otherwise. */
    private static boolean isPlainContentType(byte[] value) {
        if (Arrays.equals(value, JSON)) {
            return true;
        }
        return value != null && !new String(value, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT)
                .contains("cloudevents");
    }

    /** The names the SDK takes as they are: lower-case letters and digits (it lower-cases, then checks those). */
    private static boolean isPlainExtensionName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUri(String value) {
        if (CHECKED_URIS.containsKey(value)) {
            return true;
        }
        try {
            URI.create(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (CHECKED_URIS.size() < MAX_CHECKED_URIS) {
            CHECKED_URIS.put(value, Boolean.TRUE);
        }
        return true;
    }

    private static String utf8(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * RFC 3339 times as producers write them ({@code 2026-12-06T09:17:35.123456Z}, or with a {@code ±hh:mm}
     * offset), read without a formatter; anything else (lower-case separators, no seconds, an out-of-range field)
     * is left to {@link OffsetDateTime#parse}, which the SDK uses, so the two never disagree on a value.
     */
    static final class RfcTime {

        private RfcTime() {
        }

        /** The instant, or null when the value is not in the common form (the caller falls back). */
        static Instant parse(String value) {
            Instant fast = parseCommon(value);
            if (fast != null) {
                return fast;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        static Instant parseCommon(String s) {
            int n = s.length();
            if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                    || s.charAt(16) != ':') {
                return null;
            }
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            int hour = digits(s, 11, 2);
            int minute = digits(s, 14, 2);
            int second = digits(s, 17, 2);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                    || minute > 59 || second < 0 || second > 59) {
                return null;
            }
            int i = 19;
            int nanos = 0;
            if (s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                int count = i - start;
                if (count < 1 || count > 9) {
                    return null;
                }
                nanos = digits(s, start, count);
                for (int k = count; k < 9; k++) {
                    nanos *= 10;
                }
            }
            if (i >= n) {
                return null;
            }
            int offsetSeconds;
            char sign = s.charAt(i);
            if (sign == 'Z' && i == n - 1) {
                offsetSeconds = 0;
            } else if ((sign == '+' || sign == '-') && i == n - 6 && s.charAt(i + 3) == ':') {
                int hours = digits(s, i + 1, 2);
                int minutes = digits(s, i + 4, 2);
                if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || hours == 18 && minutes > 0) {
                    return null;
                }
                offsetSeconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
            } else {
                return null;
            }
            if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                return null;
            }
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
            return Instant.ofEpochSecond(seconds, nanos);
        }

        /** The number written with {@code count} digits at {@code from}, or -1. */
        private static int digits(String s, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
