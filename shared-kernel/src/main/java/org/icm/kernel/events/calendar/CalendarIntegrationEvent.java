package org.icm.kernel.events.calendar;

import org.icm.kernel.events.IntegrationEvent;

/**
 * A fact events-service publishes about one meeting, EU event, consultation or bulletin. Each record names
 * its aggregate in its first field and returns it as the subject, hence the Kafka key: one meeting's events
 * stay in order on one partition. Times are instants; a meeting also names the time zone it is held in.
 */
public interface CalendarIntegrationEvent extends IntegrationEvent {
}
