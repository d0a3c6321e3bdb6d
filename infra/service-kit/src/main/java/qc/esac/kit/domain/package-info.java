/**
 * Types the services' domain models return, with no Spring, BSON or driver dependency (domain code stays free
 * of them): {@link qc.esac.kit.domain.Change} is what a command does to an aggregate, written by the outbox's
 * {@code AggregateStore.change}.
 */
package qc.esac.kit.domain;
