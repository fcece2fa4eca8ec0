package org.icm.events.bulletin;

import java.util.Collection;
import java.util.List;
import org.icm.events.bulletin.BulletinEvent.*;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.BulletinKind;

/** A bulletin as its events made it. */
public record BulletinState(String id, BulletinKind kind, String title, @NotPersonal(NotPersonal.NETWORK_RECORD) String text,
                            List<String> dossierIds, String authorAccountId, String organisationId, boolean edited, boolean retracted,
                            @NotPersonal(NotPersonal.NETWORK_RECORD) String retractionReason) {

    public static final BulletinState NONE = new BulletinState(null, null, null, null, List.of(), null, null, false, false, null);

    public static BulletinState fold(Collection<? extends BulletinEvent> events) {
        BulletinState state = NONE;
        for (BulletinEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    public BulletinState apply(BulletinEvent event) {
        return switch (event) {
            case BulletinPosted e -> new BulletinState(e.bulletinId(), e.kind(), e.title(), e.text(), List.copyOf(e.dossierIds()),
                    e.authorAccountId(), e.organisationId(), false, false, null);
            case BulletinEdited e -> new BulletinState(id, kind, e.title(), e.text(), List.copyOf(e.dossierIds()), authorAccountId,
                    organisationId, true, retracted, retractionReason);
            case BulletinRetracted e -> new BulletinState(id, kind, title, text, dossierIds, authorAccountId, organisationId, edited, true,
                    e.reason());
        };
    }
}
