package org.icm.policy.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One change in a dossier's life: its place in the stream, when it was recorded, who made it and why,
 * what kind of change it was, a line a person can read, the day it happened in the world when the change says (a
 * procedure step, a national fact), and the fields it changed.
 */
public record TimelineEntry(long sequence, Instant recordedAt, String account, String organisation, String reason, String kind,
                            boolean correction, String measureId, String recommendationId, String summary, LocalDate effectiveDate,
                            List<Change> changes) {
}
