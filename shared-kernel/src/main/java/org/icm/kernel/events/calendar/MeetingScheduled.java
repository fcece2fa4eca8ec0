package org.icm.kernel.events.calendar;

import java.time.Instant;
import java.util.List;
import org.icm.kernel.vocabulary.MeetingType;

/**
 * Focal points scheduled an ICM meeting.
 *
 * @param timeZone   the IANA zone the meeting is held in, e.g. {@code Europe/Brussels}
 * @param place      the venue; null for an online meeting
 * @param onlineLink the link to join; null for a meeting in person only
 * @param dossierIds the dossiers its agenda links; may be empty
 */
public record MeetingScheduled(String meetingId, String title, MeetingType type, Instant startsAt, Instant endsAt,
                               String timeZone, String place, String onlineLink, int capacity, List<String> dossierIds)
        implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
