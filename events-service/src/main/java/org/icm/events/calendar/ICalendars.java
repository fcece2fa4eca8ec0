package org.icm.events.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * RFC 5545 calendars with ical4j, published (METHOD:PUBLISH) so calendar apps subscribe to them. Each entry
 * keeps one UID for its whole life and a SEQUENCE that grows with every change people see (time, agenda,
 * cancellation): apps then update their copy instead of adding a second one, and a cancellation arrives as
 * STATUS:CANCELLED on the same UID. Times are written in the zone the thing happens in (TZID), with that
 * zone's VTIMEZONE in the calendar, so every app shows the right local time wherever its user is.
 */
public final class ICalendars {

    public static final String CONTENT_TYPE = "text/calendar;charset=UTF-8";
    static final String PRODID = "-//Initiative for Children in Migration//events-service//EN";
    static final String UID_DOMAIN = "@events.icm-platform.eu";
    static final String HOME_ZONE = "Europe/Brussels";
    static final String ORGANIZER = "mailto:calendar@icm-platform.eu";

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private ICalendars() {
    }

    /**
     * One entry of a calendar.
     *
     * @param end null for something that has a start only (a consultation deadline): it then lasts no time
     */
    public record Entry(String uid, int sequence, Instant lastModified, String summary, String description, String location, String url,
                        Instant start, Instant end, String timeZone, boolean cancelled) {
    }

    public static String uid(String kind, String id) {
        return kind + "-" + id + UID_DOMAIN;
    }

    public static String write(String name, List<Entry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        // Brussels always: ICM's home zone, and an empty feed (no meetings yet) still holds the one component RFC 5545 requires
        Set<String> zones = new LinkedHashSet<>(List.of(HOME_ZONE));
        for (Entry entry : entries) {
            zones.add(entry.timeZone());
        }
        for (String zone : zones) {
            calendar.add(ZONES.getTimeZone(zone).getVTimeZone());
        }
        for (Entry entry : entries) {
            calendar.add(event(entry));
        }
        StringWriter out = new StringWriter();
        try {
            // validating: a calendar that breaks RFC 5545 is a bug here, not something to send
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write calendar " + name, e);
        }
        return out.toString();
    }

    private static VEvent event(Entry entry) {
        ZoneId zone = ZoneId.of(entry.timeZone());
        VEvent event = new VEvent(false); // false: no DTSTAMP of "now"; ours is the last change
        event.add(new Uid(entry.uid()));
        // DTSTAMP: when this version of the entry came to be (the last change), so a re-download without changes is identical
        event.add(new DtStamp(entry.lastModified()));
        event.add(new LastModified(entry.lastModified()));
        event.add(new Sequence(entry.sequence()));
        event.add(new DtStart<>(ZonedDateTime.ofInstant(entry.start(), zone)));
        if (entry.end() != null) {
            event.add(new DtEnd<>(ZonedDateTime.ofInstant(entry.end(), zone)));
        }
        event.add(new Summary(entry.summary()));
        event.add(new Organizer(new ParameterList(List.of(new Cn("Initiative for Children in Migration"))), URI.create(ORGANIZER)));
        if (entry.description() != null) {
            event.add(new Description(entry.description()));
        }
        if (entry.location() != null) {
            event.add(new Location(entry.location()));
        }
        if (entry.url() != null) {
            event.add(new Url(URI.create(entry.url())));
        }
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
