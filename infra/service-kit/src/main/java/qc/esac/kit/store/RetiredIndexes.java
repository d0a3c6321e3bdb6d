package qc.esac.kit.store;

import java.util.Set;
import java.util.function.Predicate;

import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

import com.mongodb.MongoCommandException;

/**
 * Drops the indexes that a newer version of a service replaced, at start-up, before it creates their successors.
 * Several instances start at once in a rolling deployment: each lists the indexes, each sees the retired one, and
 * all but the first then find it gone when they drop it. That is the outcome they wanted, so "index not found" is
 * not an error here (it made every instance but one fail to start); any other failure still is.
 */
public final class RetiredIndexes {

    /** MongoDB's {@code IndexNotFound}: the index was dropped in between (by another instance). */
    static final int INDEX_NOT_FOUND = 27;

    private RetiredIndexes() {
    }

    /** Drops the indexes of these names, those that exist. */
    public static void drop(IndexOperations indexes, Set<String> names) {
        drop(indexes, index -> names.contains(index.getName()));
    }

    /** Drops the indexes that match, those that exist. */
    public static void drop(IndexOperations indexes, Predicate<IndexInfo> retired) {
        indexes.getIndexInfo().stream().filter(retired).map(IndexInfo::getName).forEach(name -> {
            try {
                indexes.dropIndex(name);
            } catch (DataAccessException failure) {
                if (!droppedMeanwhile(failure)) {
                    throw failure;
                }
            }
        });
    }

    private static boolean droppedMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoCommandException command && command.getErrorCode() == INDEX_NOT_FOUND) {
                return true;
            }
        }
        return false;
    }
}
