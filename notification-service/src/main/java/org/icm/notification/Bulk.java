package org.icm.notification;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Writing many documents keyed by their _id in one round trip, where a document that exists already is no error. */
public final class Bulk {

    private Bulk() {
    }

    /**
     * Inserts the documents in one unordered bulk write: one whose _id exists is left as it is (duplicate key), the others
     * are written. Answers the ids this call wrote; any other error is thrown.
     */
    public static <T> Set<String> insertNew(MongoTemplate mongo, Class<T> type, List<T> documents, Function<T, String> id) {
        Set<String> written = new LinkedHashSet<>();
        if (documents.isEmpty()) {
            return written;
        }
        documents.forEach(document -> written.add(id.apply(document)));
        try {
            mongo.bulkOps(BulkMode.UNORDERED, type).insert(documents).execute();
        } catch (DataAccessException e) {
            // Spring Data reports a bulk write's errors as a BulkOperationException, or as a DuplicateKeyException when one is
            List<BulkWriteError> errors = errors(e);
            if (errors.isEmpty()) {
                throw e;
            }
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : errors) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            duplicates.forEach(index -> written.remove(id.apply(documents.get(index))));
        }
        return written;
    }

    private static List<BulkWriteError> errors(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BulkOperationException bulk) {
                return bulk.getErrors();
            }
            if (cause instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteErrors();
            }
        }
        return List.of();
    }
}
