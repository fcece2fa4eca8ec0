package org.icm.events.euevent;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.EuInstitution;

/** What happened to an announced EU event (domain events, private to events-service). {@code endsAt} may be null. */
public sealed interface EuEventEvent {

    String euEventId();

    @Revision("1")
    record EuEventAnnounced(String euEventId, EuInstitution institution, String title, Instant startsAt, Instant endsAt, String timeZone,
                            String link, List<String> dossierIds) implements EuEventEvent {
    }

    /** The event as it is now, all of it. */
    @Revision("1")
    record EuEventUpdated(String euEventId, EuInstitution institution, String title, Instant startsAt, Instant endsAt, String timeZone,
                          String link, List<String> dossierIds) implements EuEventEvent {
    }

    @Revision("1")
    record EuEventCancelled(String euEventId, @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) implements EuEventEvent {
    }
}
