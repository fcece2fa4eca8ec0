package org.icm.events.common;

import static org.icm.service.rules.Inputs.required;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.icm.service.rules.RuleViolation;

/** Checks of single values that commands carry, each naming the field it checks. */
public final class Checks {

    public static final int TITLE_MAX = 300;
    public static final int TEXT_MAX = 20_000;
    public static final int NOTE_MAX = 2_000;
    /** The longest id of a linked thing (a dossier, a measure) and the longest name of an organisation named in passing. */
    public static final int ID_MAX = 100;
    public static final int NAME_MAX = 100;
    /** The longest IANA time zone name (e.g. America/Argentina/ComodRivadavia is 32). */
    public static final int ZONE_MAX = 64;
    /** A Commission directorate-general's code (HOME, JUST, NEAR ...). */
    public static final int DG_MAX = 16;

    private Checks() {
    }

    /** An absolute http(s) link, as calendar apps and browsers open it; null when blank. */
    public static String optionalLink(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String link = value.strip();
        try {
            URI uri = new URI(link);
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || link.length() > NOTE_MAX) {
                throw new URISyntaxException(link, "not an absolute http(s) link");
            }
        } catch (URISyntaxException e) {
            throw RuleViolation.invalid(field, "malformed-link", "'" + value + "' is not an absolute http(s) link such as https://example.org/page");
        }
        return link;
    }

    public static String link(String field, String value) {
        return required(field, optionalLink(field, value));
    }

    /** An IANA time zone such as Europe/Brussels (not an offset: calendar apps need the zone's rules). */
    public static ZoneId zone(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "required", field + " is required, e.g. Europe/Brussels");
        }
        try {
            ZoneId zone = ZoneId.of(value.strip());
            if (!value.contains("/")) {
                throw new DateTimeException("not a region");
            }
            return zone;
        } catch (DateTimeException e) {
            throw RuleViolation.invalid(field, "unknown-time-zone", "'" + value + "' is not an IANA time zone such as Europe/Brussels");
        }
    }

    /** The instant a local date-time of a zone names; a time the clocks skip (spring forward) is refused. */
    public static ZonedDateTime at(String field, LocalDateTime local, ZoneId zone) {
        required(field, local);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw RuleViolation.invalid(field, "skipped-local-time", local + " does not exist in " + zone + " (the clocks skip it)");
        }
        return ZonedDateTime.of(local, zone);
    }

    /** Ids of linked things: blanks and repeats dropped, order kept. */
    public static List<String> ids(String field, Collection<String> values) {
        List<String> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank() && !ids.contains(value.strip())) {
                    if (value.strip().length() > ID_MAX) {
                        throw RuleViolation.invalid(field, "too-long", field + " holds an id longer than " + ID_MAX + " characters");
                    }
                    ids.add(value.strip());
                }
            }
        }
        return List.copyOf(ids);
    }
}
