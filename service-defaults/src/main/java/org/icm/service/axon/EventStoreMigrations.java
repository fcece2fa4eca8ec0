package org.icm.service.axon;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The event store's schema, the same in every event-sourced service, migrated by versioned scripts in
 * {@code db/event-store} with a history of its own ({@code event_store_schema_history}), so a service's own
 * migrations ({@code db/migration}, Spring Boot's Flyway) number their versions without regard to these.
 */
final class EventStoreMigrations {

    static final String HISTORY_TABLE = "event_store_schema_history";

    private EventStoreMigrations() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/event-store")
                .table(HISTORY_TABLE)
                // a database of release 0.1 has these tables and no history: version 0 is that state, and the first
                // script (which only makes what is missing) runs over it
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
