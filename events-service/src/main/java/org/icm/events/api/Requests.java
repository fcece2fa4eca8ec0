package org.icm.events.api;

import static org.icm.events.common.Checks.DG_MAX;
import static org.icm.events.common.Checks.ID_MAX;
import static org.icm.events.common.Checks.NAME_MAX;
import static org.icm.events.common.Checks.NOTE_MAX;
import static org.icm.events.common.Checks.TEXT_MAX;
import static org.icm.events.common.Checks.TITLE_MAX;
import static org.icm.events.common.Checks.ZONE_MAX;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.icm.events.bulletin.Bulletin;
import org.icm.kernel.vocabulary.BulletinKind;
import org.icm.kernel.vocabulary.ConsultationType;
import org.icm.kernel.vocabulary.EuInstitution;
import org.icm.kernel.vocabulary.MeetingType;

/**
 * Request bodies. Checks live in the aggregates, which name the field at fault (the maximum lengths here are theirs, shown in
 * the OpenAPI document); local times are in {@code timeZone}.
 */
final class Requests {

    private Requests() {
    }

    record AgendaItem(@Schema(maxLength = TITLE_MAX) String title, @Schema(maxLength = ID_MAX) String dossierId) {
    }

    record MeetingFields(@Schema(maxLength = TITLE_MAX) String title, MeetingType type, LocalDateTime start, LocalDateTime end,
                         @Schema(maxLength = ZONE_MAX, example = "Europe/Brussels") String timeZone, @Schema(maxLength = NOTE_MAX) String place,
                         @Schema(maxLength = NOTE_MAX) String onlineLink, Integer capacity, List<AgendaItem> agenda) {
    }

    record Agenda(List<AgendaItem> items) {
    }

    record Reschedule(LocalDateTime start, LocalDateTime end, @Schema(maxLength = ZONE_MAX, example = "Europe/Brussels") String timeZone) {
    }

    record Capacity(Integer capacity) {
    }

    record Reason(@Schema(maxLength = NOTE_MAX) String reason) {
    }

    record ActionPoint(@Schema(maxLength = NOTE_MAX) String description, @Schema(maxLength = NAME_MAX) String owningOrganisation,
                       LocalDate dueDate) {
    }

    record Minutes(@Schema(maxLength = TEXT_MAX) String minutes, List<ActionPoint> actionPoints) {
    }

    record EuEventFields(EuInstitution institution, @Schema(maxLength = TITLE_MAX) String title, LocalDateTime start, LocalDateTime end,
                         @Schema(maxLength = ZONE_MAX, example = "Europe/Brussels") String timeZone, @Schema(maxLength = NOTE_MAX) String link,
                         @ArraySchema(schema = @Schema(maxLength = ID_MAX)) List<String> dossierIds) {
    }

    record ConsultationFields(ConsultationType type, @Schema(maxLength = DG_MAX, example = "HOME") String directorateGeneral,
                              @Schema(maxLength = TITLE_MAX) String title, @Schema(maxLength = NOTE_MAX) String link, Instant opensAt,
                              Instant closesAt, @Schema(maxLength = ID_MAX) String dossierId, @Schema(maxLength = ID_MAX) String measureId) {
    }

    record Deadline(Instant closesAt) {
    }

    record JointResponse(@Schema(maxLength = NAME_MAX) String leadOrganisation) {
    }

    record Link(@Schema(maxLength = NOTE_MAX) String link) {
    }

    record BulletinFields(BulletinKind kind, @Schema(maxLength = TITLE_MAX) String title, @Schema(maxLength = Bulletin.TEXT_MAX) String text,
                          @ArraySchema(schema = @Schema(maxLength = ID_MAX)) List<String> dossierIds) {
    }
}
