package org.icm.kernel.events.calendar;

/** The minutes of a held meeting are available to members, with this many action points. */
public record MeetingMinutesPublished(String meetingId, String title, int actionPoints) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
