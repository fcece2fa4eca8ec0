package org.icm.service.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append failed on PostgreSQL's unique index over (aggregate id, sequence number),
 * SQLState 23505, so it reports a ConcurrencyException: two writers raced and the later one loses, no
 * update is lost. (Axon's JDBC resolver only knows SQLIntegrityConstraintViolationException, which the
 * PostgreSQL driver does not throw; its JPA resolver needs the JPA API on the class path.)
 */
final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
