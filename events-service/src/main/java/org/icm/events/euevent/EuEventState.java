package org.icm.events.euevent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.icm.events.euevent.EuEventEvent.*;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.EuInstitution;

/** An EU event as its events made it; {@code calendarSequence} counts updates and the cancellation (iCalendar SEQUENCE). */
public record EuEventState(String id, EuInstitution institution, String title, Instant startsAt, Instant endsAt, String timeZone,
                           String link, List<String> dossierIds, boolean cancelled,
                           @NotPersonal(NotPersonal.NETWORK_RECORD) String cancellationReason, int calendarSequence) {

    public static final EuEventState NONE = new EuEventState(null, null, null, null, null, null, null, List.of(), false, null, 0);

    public static EuEventState fold(Collection<? extends EuEventEvent> events) {
        EuEventState state = NONE;
        for (EuEventEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    public EuEventState apply(EuEventEvent event) {
        return switch (event) {
            case EuEventAnnounced e -> new EuEventState(e.euEventId(), e.institution(), e.title(), e.startsAt(), e.endsAt(), e.timeZone(),
                    e.link(), List.copyOf(e.dossierIds()), false, null, 0);
            case EuEventUpdated e -> new EuEventState(id, e.institution(), e.title(), e.startsAt(), e.endsAt(), e.timeZone(), e.link(),
                    List.copyOf(e.dossierIds()), cancelled, cancellationReason, calendarSequence + 1);
            case EuEventCancelled e -> new EuEventState(id, institution, title, startsAt, endsAt, timeZone, link, dossierIds, true, e.reason(),
                    calendarSequence + 1);
        };
    }
}
