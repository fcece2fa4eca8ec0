package org.icm.kernel.events.calendar;

import java.time.Instant;
import org.icm.kernel.privacy.NotPersonal;

/** A meeting will not take place, for the reason given. */
public record MeetingCancelled(String meetingId,
                               String title,
                               Instant startsAt,
                               @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
