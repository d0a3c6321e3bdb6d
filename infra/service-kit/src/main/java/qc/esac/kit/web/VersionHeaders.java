package qc.esac.kit.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.PreconditionRequiredException;
import qc.esac.kit.problem.VersionConflictException;

/**
 * {@code ETag} / {@code If-Match} carrying a document version, so that concurrent updates from
 * web and mobile clients never silently overwrite each other.
 *
 * <pre>{@code
 * @GetMapping("/{id}")
 * ResponseEntity<Dto> get(@PathVariable String id) {
 *     var doc = service.get(id);
 *     return ResponseEntity.ok().eTag(VersionHeaders.etag(doc.version())).body(Dto.of(doc));
 * }
 *
 * @PutMapping("/{id}")
 * ResponseEntity<Dto> update(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
 *                            @Valid @RequestBody UpdateRequest body) {
 *     long expected = VersionHeaders.requiredVersion(ifMatch);   // 428 if absent
 *     var doc = service.update(id, expected, body);              // service throws 412 on mismatch
 *     return ResponseEntity.ok().eTag(VersionHeaders.etag(doc.version())).body(Dto.of(doc));
 * }
 * }</pre>
 */
public final class VersionHeaders {

    public static final String IF_MATCH = "If-Match";
    public static final String ETAG = "ETag";

    /** A strong or weak entity tag holding only digits: {@code "7"} or {@code W/"7"}. */
    private static final Pattern VERSION_TAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private VersionHeaders() {
    }

    /** {@code ETag} value for a version: {@code "7"} (quoted, as HTTP requires). */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Version the client read, from {@code If-Match}.
     *
     * @throws PreconditionRequiredException (428) when the header is absent or blank
     * @throws InvalidInputException (400) when it is not a single quoted version (e.g. {@code *})
     */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("version.requise");
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidInputException("version.invalide");
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Checks {@code If-Match} against the current version, for services that read before they
     * write. (A conditional update on the version is better still: it also catches a concurrent
     * write between the read and the write.)
     *
     * @throws VersionConflictException (412) when the versions differ
     */
    public static void requireCurrent(String ifMatch, long currentVersion) {
        long expected = requiredVersion(ifMatch);
        if (expected != currentVersion) {
            throw conflict(expected, currentVersion);
        }
    }

    /** The 412 to throw when a conditional update on {@code expected} found {@code current}. */
    public static VersionConflictException conflict(long expected, long current) {
        // Strings, not numbers: MessageFormat would group digits ("1 234") in French.
        return new VersionConflictException("version.perimee", String.valueOf(expected), String.valueOf(current));
    }
}
