/**
 * Store housekeeping shared by the services: {@link qc.esac.kit.store.RetiredIndexes} drops the indexes a newer
 * version replaced, safely when several instances start at once.
 */
package qc.esac.kit.store;
