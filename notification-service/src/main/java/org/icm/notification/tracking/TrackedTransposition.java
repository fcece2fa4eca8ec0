package org.icm.notification.tracking;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the national facts consumed told of one member state's transposition of one measure: the measure's
 * transposition deadline (as the latest fact carried it) and the state's declarations, by effective date. For the reminder
 * before a deadline and the alert that it passed while the state had not declared its transposition complete.
 *
 * @param id                    {@link #id(String, String)}
 * @param country               ISO 3166-1 alpha-2
 * @param transpositionDeadline null for a measure without one (a regulation)
 * @param declarations          the declared status by effective date (ISO, e.g. 2026-10-01): a declaration handled again
 *                              sets the same entry, and of two on one day the later recorded wins, as in policy-service
 */
@Document("transpositions")
public record TrackedTransposition(@Id String id, String dossierId, String measureId, String measureTitle, String country,
                                   LocalDate transpositionDeadline, Map<String, TranspositionStatus> declarations) {

    public TrackedTransposition {
        declarations = declarations == null ? Map.of() : Map.copyOf(declarations);
    }

    public static String id(String measureId, String country) {
        return measureId + ":" + country;
    }

    /** The declaration in force: the one with the latest effective date; empty while the state declared nothing. */
    public Optional<TranspositionStatus> status() {
        return declarations.entrySet().stream().max(Comparator.comparing(entry -> LocalDate.parse(entry.getKey()))).map(Map.Entry::getValue);
    }
}
