package org.icm.policy.catalogue;

import java.time.Instant;

/** One revision of a recommendation's text: who wrote it, when and why. */
public record RevisionView(int revision, String text, String account, String organisation, Instant recordedAt, String reason) {
}
