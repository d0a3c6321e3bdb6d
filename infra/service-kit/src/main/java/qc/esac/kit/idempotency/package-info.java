/**
 * {@code Idempotency-Key} on POST: a request carrying the header runs at most once per caller and key, its
 * retries get the recorded response. Auto-configured ({@link qc.esac.kit.idempotency.IdempotencyAutoConfiguration})
 * in every servlet service with a MongoDB store; behaviour in {@link qc.esac.kit.idempotency.IdempotencyFilter},
 * storage in {@link qc.esac.kit.idempotency.IdempotencyStore}, settings in
 * {@link qc.esac.kit.idempotency.IdempotencyProperties} ({@code esac.idempotency.*}). See the kit's README.
 */
package qc.esac.kit.idempotency;
