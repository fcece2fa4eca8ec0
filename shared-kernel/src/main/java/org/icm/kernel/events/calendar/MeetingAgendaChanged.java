package org.icm.kernel.events.calendar;

import java.util.List;

/**
 * A meeting's agenda changed; the event carries the whole agenda as it is now.
 *
 * @param agendaItems the titles of the items, in order
 * @param dossierIds  the dossiers the items link; may be empty
 */
public record MeetingAgendaChanged(String meetingId, String title, List<String> agendaItems, List<String> dossierIds)
        implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
