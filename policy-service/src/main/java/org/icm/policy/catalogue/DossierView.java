package org.icm.policy.catalogue;

import java.time.Instant;
import org.icm.policy.dossier.DossierState;

/**
 * A dossier as the catalogue shows it: its state (the same fold the aggregate uses), the aggregate
 * version it reflects (the ETag) and when it last changed.
 */
public record DossierView(DossierState state, long version, Instant lastChangedAt) {
}
