package org.icm.kernel.events.calendar;

import java.time.Instant;
import java.util.List;
import org.icm.kernel.vocabulary.EuInstitution;

/** A hearing, conference or briefing of an EU institution that concerns these dossiers (may be empty). */
public record EuEventAnnounced(String euEventId, EuInstitution institution, String title, Instant startsAt, String link,
                               List<String> dossierIds) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return euEventId;
    }
}
