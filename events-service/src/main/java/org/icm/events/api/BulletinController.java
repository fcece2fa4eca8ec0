package org.icm.events.api;

import static org.icm.service.web.Writes.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.events.api.Representations.BulletinDetail;
import org.icm.events.bulletin.BulletinCommand.*;
import org.icm.events.bulletin.BulletinState;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.events.calendar.View;
import org.icm.kernel.identity.Role;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

/** Bulletins: short updates for members only, posted by participants and focal points. */
@RestController
@RequestMapping("/bulletins")
@Tag(name = "Bulletins", description = "EU developments and participants' activity updates, for members")
class BulletinController {

    static final int MAX_LIMIT = 200;

    private final Writes writes;
    private final CalendarReadModel readModel;

    BulletinController(Writes writes, CalendarReadModel readModel) {
        this.writes = writes;
        this.readModel = readModel;
    }

    @GetMapping
    @Operation(summary = "Bulletins, newest first (members)")
    List<BulletinDetail> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        return readModel.bulletins(limit).stream().map(Representations::bulletin).toList();
    }

    @GetMapping("/{bulletinId}")
    ResponseEntity<BulletinDetail> get(@PathVariable String bulletinId) {
        View<BulletinState> view = readModel.bulletin(bulletinId).orElseThrow(() -> Reads.notFound("bulletin", bulletinId));
        return ResponseEntity.ok().eTag(Writes.etag(view.version())).body(Representations.bulletin(view));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('PARTICIPANT', 'FOCAL_POINT')")
    @Operation(summary = "Post a bulletin (participants and focal points)")
    ResponseEntity<Map<String, Object>> post(@RequestBody Requests.BulletinFields body, Actor actor) {
        String id = UUID.randomUUID().toString();
        return writes.create(id, new PostBulletin(id, body.kind(), body.title(), body.text(), body.dossierIds(), actor.account().toString(),
                actor.organisation().toString()), actor, null, URI.create("/bulletins/" + id));
    }

    @PutMapping("/{bulletinId}")
    @PreAuthorize("hasAnyRole('PARTICIPANT', 'FOCAL_POINT')")
    @Operation(summary = "Edit a bulletin (its author's organisation, or a focal point)")
    ResponseEntity<Map<String, Object>> edit(@PathVariable String bulletinId, @RequestBody Requests.BulletinFields body, Actor actor,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(bulletinId, new EditBulletin(bulletinId, expectedVersion(ifMatch), body.title(), body.text(), body.dossierIds(),
                actor.organisation().toString(), actor.has(Role.FOCAL_POINT)), actor, null);
    }

    @PostMapping("/{bulletinId}/retract")
    @PreAuthorize("hasAnyRole('PARTICIPANT', 'FOCAL_POINT')")
    @Operation(summary = "Retract a bulletin (its author's organisation, or a focal point)")
    ResponseEntity<Map<String, Object>> retract(@PathVariable String bulletinId, @RequestBody(required = false) Requests.Reason body,
                                                Actor actor, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = body == null ? null : body.reason();
        return writes.send(bulletinId, new RetractBulletin(bulletinId, expectedVersion(ifMatch), reason, actor.organisation().toString(),
                actor.has(Role.FOCAL_POINT)), actor, reason);
    }
}
