package org.icm.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/** Calendars as written here are valid RFC 5545, read back by ical4j's strict parser, with the local times people expect. */
class ICalendarsTest {

    @Test
    void aMeetingInBrusselsIsValidAndShowsBrusselsTime() throws Exception {
        String ics = ICalendars.write("ICM", List.of(
                new ICalendars.Entry(ICalendars.uid("meeting", "m-1"), 2, Instant.parse("2026-11-20T08:15:00Z"), "ICM plenary",
                        "Agenda: 1. Pact", "Rue Royale 146, Brussels", "https://meet.example.org/icm", Instant.parse("2026-12-03T09:00:00Z"),
                        Instant.parse("2026-12-03T15:00:00Z"), "Europe/Brussels", false),
                new ICalendars.Entry(ICalendars.uid("consultation", "c-1"), 0, Instant.parse("2026-11-20T08:15:00Z"),
                        "Deadline: Return regulation", null, null, null, Instant.parse("2026-12-15T23:00:00Z"), null, "Europe/Brussels", true)));
        System.out.println(ics);

        Calendar calendar = Strict.parse(ics);
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.toString()).isFalse();
        assertThat(ics).contains("DTSTART;TZID=Europe/Brussels:20261203T100000", "DTEND;TZID=Europe/Brussels:20261203T160000",
                "SEQUENCE:2", "METHOD:PUBLISH", "BEGIN:VTIMEZONE", "TZID:Europe/Brussels", "STATUS:CANCELLED");
        VEvent meeting = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(meeting.getUid().orElseThrow().getValue()).isEqualTo("meeting-m-1@events.icm-platform.eu");
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        Calendar calendar = Strict.parse(ICalendars.write("My ICM meetings", List.of()));
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.toString()).isFalse();
        assertThat(calendar.<VEvent>getComponents("VEVENT")).isEmpty();
    }

    /** ical4j's builder with every relaxing hint off: what a strict calendar app accepts. */
    public static final class Strict {
        public static Calendar parse(String ics) throws Exception {
            CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
            CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
            CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
            CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, false);
            CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, false);
            return new CalendarBuilder().build(new StringReader(ics));
        }
    }
}
