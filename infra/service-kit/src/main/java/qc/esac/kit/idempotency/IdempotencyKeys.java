package qc.esac.kit.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading the {@code Idempotency-Key} header and fingerprinting requests; pure functions, no Spring. */
public final class IdempotencyKeys {

    /** The request header (IETF draft "The Idempotency-Key HTTP Header Field"). */
    public static final String HEADER = "Idempotency-Key";
    /** Response header set on a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** Longest key accepted. */
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /**
     * The key carried by the header values, or null when there is none. The draft defines the value as a
     * structured-field string ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}); the bare form that most
     * clients send is accepted too.
     *
     * @throws IllegalArgumentException when the header is repeated, empty, longer than {@value #MAX_LENGTH}
     *                                  characters or holds characters other than printable ASCII
     */
    public static String parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("Idempotency-Key repeated");
        }
        String key = values.get(0).strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = unquote(key.substring(1, key.length() - 1));
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Idempotency-Key empty or too long");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("Idempotency-Key holds a character outside printable ASCII");
            }
        }
        return key;
    }

    /** Structured-field string escapes: backslash-quote and backslash-backslash, nothing else. */
    private static String unquote(String quoted) {
        StringBuilder key = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 == quoted.length() || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException("Idempotency-Key has an invalid escape");
                }
                c = quoted.charAt(++i);
            }
            else if (c == '"') {
                throw new IllegalArgumentException("Idempotency-Key has an unescaped quote");
            }
            key.append(c);
        }
        return key.toString();
    }

    /** SHA-256 of method, path with query string, and raw body: two requests match only if all three do. */
    public static String fingerprint(String method, String pathAndQuery, byte[] body) {
        MessageDigest digest = sha256();
        digest.update(method.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Fingerprint of a form submission, whose body the container parses into parameters. */
    public static String fingerprint(String method, String pathAndQuery, Map<String, String[]> parameters) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, values) -> {
            for (String value : values) {
                canonical.append(name.length()).append(':').append(name).append('=')
                        .append(value.length()).append(':').append(value).append('&');
            }
        });
        return fingerprint(method, pathAndQuery, canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
