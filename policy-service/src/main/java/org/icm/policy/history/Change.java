package org.icm.policy.history;

import java.util.List;
import java.util.Map;

/**
 * One field that differs between two states of a dossier: its JSON Pointer path (e.g.
 * {@code /measures/<id>/steps/2/stage}), whether it was added, removed or changed, and the values (plain
 * JSON values: text, numbers, lists, maps).
 */
public record Change(String path, String change, Object oldValue, Object newValue) {

    /** Whether the change is to the named field: a segment of its path, or a field of a value added or removed whole. */
    public boolean touches(String field) {
        return List.of(path.split("/")).contains(field)
                || (newValue instanceof Map<?, ?> added && added.containsKey(field))
                || (oldValue instanceof Map<?, ?> removed && removed.containsKey(field));
    }
}
