package org.icm.notification.wording;

import java.util.Map;
import org.icm.kernel.privacy.NotPersonal;

/**
 * What happened, as data: which kind of sentence tells it ({@code key}, e.g. {@code measure.moved}) and the facts it
 * names. It is put in words only when someone reads it, in their language ({@link Wording}), so a notification written
 * today reads in French tomorrow for a member who switched. Facts are text; their names say how they are read:
 * {@code ...Stage} is a procedure stage's code, {@code ...At} an instant (shown in the fact {@code timeZone}, else the
 * platform's zone), {@code ...Date} a calendar date, {@code country} an ISO 3166-1 alpha-2 code (shown as the country's
 * name), {@code status} and {@code ...Status} a transposition status, {@code ...Step} an infringement procedure's stage,
 * {@code ...MeasureKind} a kind of national measure, {@code uptake} how far a text reflects a recommendation; anything
 * else is shown as it is (titles, names, numbers, references).
 *
 * @param facts titles of public measures, dossiers, meetings and consultations, organisations' names: never a person
 */
public record Story(String key, @NotPersonal(NotPersonal.COMPOSED_FROM_PUBLIC_FACTS) Map<String, String> facts) {

    public Story {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** A story from alternating names and values; a null value is left out (it reads as "unknown"). */
    public static Story of(String key, Object... namesAndValues) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                facts.put((String) namesAndValues[i], value instanceof Enum<?> code ? code.name() : value.toString());
            }
        }
        return new Story(key, facts);
    }
}
