package org.icm.events.bulletin;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.BulletinKind;

/** What happened to a bulletin (domain events, private to events-service). */
public sealed interface BulletinEvent {

    String bulletinId();

    @Revision("1")
    record BulletinPosted(String bulletinId,
                          BulletinKind kind,
                          String title,
                          @NotPersonal(NotPersonal.NETWORK_RECORD) String text,
                          List<String> dossierIds,
                          String authorAccountId,
                          String organisationId) implements BulletinEvent {
    }

    @Revision("1")
    record BulletinEdited(String bulletinId,
                          String title,
                          @NotPersonal(NotPersonal.NETWORK_RECORD) String text,
                          List<String> dossierIds) implements BulletinEvent {
    }

    @Revision("1")
    record BulletinRetracted(String bulletinId, @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) implements BulletinEvent {
    }
}
