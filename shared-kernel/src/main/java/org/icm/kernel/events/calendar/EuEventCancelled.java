package org.icm.kernel.events.calendar;

/** An announced EU event will not take place. */
public record EuEventCancelled(String euEventId, String title, String reason) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return euEventId;
    }
}
