package org.icm.events.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.icm.events.bulletin.BulletinState;
import org.icm.events.calendar.View;
import org.icm.events.consultation.ConsultationState;
import org.icm.events.euevent.EuEventState;
import org.icm.events.meeting.MeetingEvent.ActionPoint;
import org.icm.events.meeting.MeetingEvent.AgendaItem;
import org.icm.events.meeting.MeetingState;
import org.icm.events.meeting.MeetingState.Registration;
import org.icm.kernel.vocabulary.BulletinKind;
import org.icm.kernel.vocabulary.ConsultationType;
import org.icm.kernel.vocabulary.EuInstitution;
import org.icm.kernel.vocabulary.MeetingType;

/**
 * Response bodies. Times come twice: as the instant ({@code startsAt}, UTC) and as the local time in the
 * zone the thing happens in ({@code start} + {@code timeZone}), which is what people read.
 */
final class Representations {

    private Representations() {
    }

    /** What members see of registrations; null for the public. */
    record Registrations(List<Registration> confirmed, List<Registration> waitingList, String yours, Integer yourWaitingPosition) {
    }

    record MeetingDetail(String id, String title, MeetingType type, String status, LocalDateTime start, LocalDateTime end, String timeZone,
                         Instant startsAt, Instant endsAt, String place, String onlineLink, int capacity, int confirmedCount,
                         int waitingCount, List<AgendaItem> agenda, String cancellationReason, long version, Registrations registrations,
                         String minutes, List<ActionPoint> actionPoints) {
    }

    static MeetingDetail meeting(View<MeetingState> view, String accountId) {
        MeetingState s = view.state();
        ZoneId zone = ZoneId.of(s.timeZone());
        Registrations registrations = null;
        if (accountId != null) {
            String yours = s.confirmedOf(accountId).isPresent() ? "CONFIRMED" : s.waitingOf(accountId).isPresent() ? "WAITING" : null;
            Integer position = null;
            for (int i = 0; i < s.waitingList().size(); i++) {
                if (s.waitingList().get(i).accountId().equals(accountId)) {
                    position = i + 1;
                }
            }
            registrations = new Registrations(s.confirmed(), s.waitingList(), yours, position);
        }
        return new MeetingDetail(s.id(), s.title(), s.type(), s.status().name(), LocalDateTime.ofInstant(s.startsAt(), zone),
                LocalDateTime.ofInstant(s.endsAt(), zone), s.timeZone(), s.startsAt(), s.endsAt(), s.place(), s.onlineLink(), s.capacity(),
                s.confirmed().size(), s.waitingList().size(), s.agenda(), s.cancellationReason(), view.version(), registrations,
                accountId == null ? null : s.minutes(), accountId == null ? List.of() : s.actionPoints());
    }

    record EuEventDetail(String id, EuInstitution institution, String title, LocalDateTime start, LocalDateTime end, String timeZone,
                         Instant startsAt, Instant endsAt, String link, List<String> dossierIds, boolean cancelled, String cancellationReason,
                         long version) {
    }

    static EuEventDetail euEvent(View<EuEventState> view) {
        EuEventState s = view.state();
        ZoneId zone = ZoneId.of(s.timeZone());
        return new EuEventDetail(s.id(), s.institution(), s.title(), LocalDateTime.ofInstant(s.startsAt(), zone),
                s.endsAt() == null ? null : LocalDateTime.ofInstant(s.endsAt(), zone), s.timeZone(), s.startsAt(), s.endsAt(), s.link(),
                s.dossierIds(), s.cancelled(), s.cancellationReason(), view.version());
    }

    record ConsultationDetail(String id, ConsultationType type, String directorateGeneral, String title, String link, Instant opensAt,
                              Instant closesAt, String dossierId, String measureId, String status, String jointResponseLead,
                              String jointResponseLink, Instant closedAt, long version) {
    }

    static ConsultationDetail consultation(View<ConsultationState> view) {
        ConsultationState s = view.state();
        return new ConsultationDetail(s.id(), s.type(), s.directorateGeneral(), s.title(), s.link(), s.opensAt(), s.closesAt(), s.dossierId(),
                s.measureId(), s.closed() ? "CLOSED" : "OPEN", s.jointResponseLead(), s.jointResponseLink(), s.closedAt(), view.version());
    }

    record BulletinDetail(String id, BulletinKind kind, String title, String text, List<String> dossierIds, String authorAccountId,
                          String organisationId, Instant postedAt, boolean edited, boolean retracted, long version) {
    }

    static BulletinDetail bulletin(View<BulletinState> view) {
        BulletinState s = view.state();
        return new BulletinDetail(s.id(), s.kind(), s.title(), s.text(), s.dossierIds(), s.authorAccountId(), s.organisationId(),
                view.createdAt(), s.edited(), s.retracted(), view.version());
    }
}
