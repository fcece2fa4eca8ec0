package org.icm.kernel.events.calendar;

import java.time.Instant;
import java.util.List;
import org.icm.kernel.vocabulary.EuInstitution;

/** An announced EU event changed; the event carries all of it as it is now. */
public record EuEventUpdated(String euEventId, EuInstitution institution, String title, Instant startsAt, String link,
                             List<String> dossierIds) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return euEventId;
    }
}
