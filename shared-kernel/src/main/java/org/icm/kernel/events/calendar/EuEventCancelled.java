package org.icm.kernel.events.calendar;

import org.icm.kernel.privacy.NotPersonal;

/** An announced EU event will not take place. */
public record EuEventCancelled(String euEventId,
                               String title,
                               @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return euEventId;
    }
}
