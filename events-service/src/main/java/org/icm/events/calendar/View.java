package org.icm.events.calendar;

import java.time.Instant;

/** One aggregate as a read model shows it: its folded state, the aggregate version it reflects (the ETag), when it was created and when it last changed. */
public record View<S>(S state, long version, Instant createdAt, Instant lastChangedAt) {
}
