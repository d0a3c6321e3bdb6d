package qc.esac.training;

import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code Idempotency-Key} on POSTs that create: the new resource's id is derived from the caller and the key,
 * so a retried request (a mobile client on a flaky network) finds the resource it already created instead of
 * creating a second one. No separate key store is needed: the id itself is the record of the first request.
 */
public final class IdempotencyKeys {

    public static final String HEADER = qc.esac.kit.idempotency.IdempotencyKeys.HEADER;
    /** The platform's one maximum, the kit's. */
    private static final int MAX_LENGTH = qc.esac.kit.idempotency.IdempotencyKeys.MAX_LENGTH;

    private IdempotencyKeys() {
    }

    /** A new random id without a key; with one, the same id for the same caller, kind of resource and key. */
    public static String idFor(EsacUser user, String kind, String key) {
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw new InvalidInputException("cle-idempotence.invalide", String.valueOf(MAX_LENGTH));
        }
        return UUID.nameUUIDFromBytes((user.id() + "\n" + kind + "\n" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
