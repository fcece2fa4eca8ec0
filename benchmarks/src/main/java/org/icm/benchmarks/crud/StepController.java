package org.icm.benchmarks.crud;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.service.security.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dossiers/{dossierId}/measures/{measureId}/steps} as a CRUD service would do it: the body checked by Bean
 * Validation (what policy-service's dossier checks of a new step: a stage, an effective date not in the future, note and
 * document reference at most 2,000 characters), one INSERT on an auto-commit connection (one durable commit), 201 with
 * the step's location. Like policy-service's {@code MeasureController}: focal points only, the caller from the token.
 */
@RestController
@RequestMapping("/dossiers/{dossierId}/measures")
@PreAuthorize("hasRole('FOCAL_POINT')")
class StepController {

    static final String TABLE = "crud_procedure_step";
    /** policy-service's {@code Dossier.NOTE_MAX}. */
    static final int NOTE_MAX = 2_000;

    /** The same JSON as policy-service's {@code Requests.StepFields}. */
    record StepFields(@NotNull ProcedureStage stage, @NotNull @PastOrPresent LocalDate effectiveDate, @Size(max = NOTE_MAX) String note,
                      @Size(max = NOTE_MAX) String documentReference) {
    }

    private final JdbcTemplate jdbc;

    StepController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/{measureId}/steps")
    ResponseEntity<Map<String, Object>> recordStep(@PathVariable String dossierId, @PathVariable String measureId,
                                                   @Valid @RequestBody StepFields body, Actor actor) {
        UUID stepId = UUID.randomUUID();
        jdbc.update("insert into " + TABLE + " (step_id, dossier_id, measure_id, stage, effective_date, note, document_reference,"
                        + " recorded_by, organisation, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                stepId, dossierId, measureId, body.stage().name(), Date.valueOf(body.effectiveDate()), body.note(), body.documentReference(),
                actor.account().toString(), actor.organisation().toString(), Timestamp.from(Instant.now()));
        return ResponseEntity.created(URI.create("/dossiers/" + dossierId + "/measures/" + measureId + "/steps/" + stepId))
                .body(Map.of("id", stepId.toString()));
    }
}
