package org.icm.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.icm.kernel.vocabulary.BulletinKind;
import org.icm.kernel.vocabulary.ConsultationType;
import org.icm.kernel.vocabulary.EuInstitution;
import org.icm.kernel.vocabulary.MeetingType;

/** Request bodies. Checks live in the aggregates, which name the field at fault; local times are in {@code timeZone}. */
final class Requests {

    private Requests() {
    }

    record AgendaItem(String title, String dossierId) {
    }

    record MeetingFields(String title, MeetingType type, LocalDateTime start, LocalDateTime end, String timeZone, String place,
                         String onlineLink, Integer capacity, List<AgendaItem> agenda) {
    }

    record Agenda(List<AgendaItem> items) {
    }

    record Reschedule(LocalDateTime start, LocalDateTime end, String timeZone) {
    }

    record Capacity(Integer capacity) {
    }

    record Reason(String reason) {
    }

    record ActionPoint(String description, String owningOrganisation, LocalDate dueDate) {
    }

    record Minutes(String minutes, List<ActionPoint> actionPoints) {
    }

    record EuEventFields(EuInstitution institution, String title, LocalDateTime start, LocalDateTime end, String timeZone, String link,
                         List<String> dossierIds) {
    }

    record ConsultationFields(ConsultationType type, String directorateGeneral, String title, String link, Instant opensAt,
                              Instant closesAt, String dossierId, String measureId) {
    }

    record Deadline(Instant closesAt) {
    }

    record JointResponse(String leadOrganisation) {
    }

    record Link(String link) {
    }

    record BulletinFields(BulletinKind kind, String title, String text, List<String> dossierIds) {
    }
}
