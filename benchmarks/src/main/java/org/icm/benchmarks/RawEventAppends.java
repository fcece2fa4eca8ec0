package org.icm.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import org.axonframework.common.DateTimeUtils;

/**
 * The baseline: rows appended straight to the service's event table through plain JDBC, one autocommit
 * single-row insert each, so each pays one durable commit, as each command of the service does. The
 * rows copy the type, payload type and revision, payload and metadata bytes of rows the service wrote;
 * each gets a fresh event id and the time of its insert, and belongs to one of a set of fresh aggregate
 * ids, with that aggregate's next sequence number (the unique index on aggregate and sequence is checked
 * as for the service). The global index comes from the table's own sequence, as for the service.
 */
final class RawEventAppends {

    /** The columns of a stored event that the baseline copies. */
    record StoredEvent(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        int bytes() {
            return payload.length + metaData.length;
        }
    }

    static final String INSERT = "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<StoredEvent> events;
    private final List<String> aggregates;
    private final AtomicLongArray nextSequence;

    RawEventAppends(String jdbcUrl, String user, String password, List<StoredEvent> events, int aggregateCount) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no stored events to copy");
        }
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.events = List.copyOf(events);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aggregateCount; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        this.aggregates = List.copyOf(ids);
        this.nextSequence = new AtomicLongArray(aggregateCount);
    }

    /** The events the service appended after the given global index, of the given payload type, oldest first. */
    static List<StoredEvent> storedSince(Connection connection, long afterGlobalIndex, String payloadTypeSuffix, int limit)
            throws SQLException {
        List<StoredEvent> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select type, payload_type, payload_revision, payload, meta_data"
                + " from domain_event_entry where global_index > ? and payload_type like ? order by global_index limit ?")) {
            select.setLong(1, afterGlobalIndex);
            select.setString(2, "%" + payloadTypeSuffix);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredEvent(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBytes(4), rows.getBytes(5)));
                }
            }
        }
        return found;
    }

    /** A thread's worker: its own connection, in autocommit, and one prepared insert. */
    ConcurrentLoad.Worker open(int thread) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        connection.setAutoCommit(true);
        PreparedStatement insert = connection.prepareStatement(INSERT);
        return ConcurrentLoad.Worker.of(connection, k -> append(insert, k));
    }

    private void append(PreparedStatement insert, int k) throws SQLException {
        StoredEvent event = events.get(k % events.size());
        int aggregate = k % aggregates.size();
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregates.get(aggregate));
        insert.setLong(3, nextSequence.getAndIncrement(aggregate));
        insert.setString(4, event.type());
        insert.setString(5, DateTimeUtils.formatInstant(Instant.now()));
        insert.setString(6, event.payloadType());
        insert.setString(7, event.payloadRevision());
        insert.setBytes(8, event.payload());
        insert.setBytes(9, event.metaData());
        if (insert.executeUpdate() != 1) {
            throw new SQLException("the insert stored no row");
        }
    }
}
