package org.icm.service.privacy;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The changes a person made in this service's history, from its event store's audit metadata: what, to which
 * aggregate, when, and the reason they gave. A scan of the event table, made only when a person asks for their copy.
 */
public final class ChangesMadeBy implements PersonalDataSource {

    private final JdbcTemplate jdbc;

    public ChangesMadeBy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "changesMade";
    }

    @Override
    public Object export(String personId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select aggregate_identifier as "aggregateId", payload_type as "type", time_stamp as "recordedAt",
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'reason' as "reason"
                  from domain_event_entry
                 where convert_from(meta_data, 'UTF8')::jsonb ->> 'account' = ?
                 order by global_index""", personId);
        rows.forEach(row -> row.computeIfPresent("type", (key, type) -> simpleName(type.toString())));
        return rows;
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }
}
