package org.icm.policy.api;

import static org.icm.service.web.Writes.REASON_HEADER;
import static org.icm.service.web.Writes.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.icm.policy.api.Representations.DossierDetail;
import org.icm.policy.api.Representations.DossierSummary;
import org.icm.policy.api.Representations.Page;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierCatalogue.DossierFilter;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.dossier.DossierCommand.ArchiveDossier;
import org.icm.policy.dossier.DossierCommand.EditDossier;
import org.icm.policy.dossier.DossierCommand.OpenDossier;
import org.icm.policy.dossier.DossierCommand.PublishDossier;
import org.icm.policy.dossier.DossierCommand.ReturnDossierToDraft;
import org.icm.policy.dossier.DossierCommand.TagRight;
import org.icm.policy.dossier.DossierCommand.UntagRight;
import org.icm.service.rules.Inputs;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Dossiers: the public and members read them; focal points curate them. Reads come from the catalogue
 * (read model); the ETag of a dossier is its aggregate version.
 */
@RestController
@RequestMapping("/dossiers")
@Tag(name = "Dossiers", description = "EU policy files that matter to children in migration")
class DossierController {

    static final int MAX_PAGE_SIZE = 100;
    /** The longest search text: words to look for, not a document. */
    static final int SEARCH_MAX = 200;

    private final Writes writes;
    private final DossierCatalogue catalogue;

    DossierController(Writes writes, DossierCatalogue catalogue) {
        this.writes = writes;
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "List dossiers", description = "Published dossiers for everyone; drafts too for signed-in members. Filters combine; country lists the "
            + "dossiers with national implementation recorded for that country.")
    Page<DossierSummary> list(@RequestParam(required = false) String policyArea, @RequestParam(required = false) String right,
                              @RequestParam(required = false) String stage, @RequestParam(required = false) String status,
                              @RequestParam(required = false, name = "q") String text,
                              @RequestParam(required = false) String country,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                              @AuthenticationPrincipal Jwt member) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        DossierFilter filter = new DossierFilter(member != null, policyArea, right, stage, status, Inputs.optionalText("q", text, SEARCH_MAX), country);
        return new Page<>(catalogue.search(filter, page, size).stream().map(Representations::summary).toList(), page, size,
                catalogue.count(filter));
    }

    @GetMapping("/{dossierId}")
    @Operation(summary = "A dossier with its measures, current stages, rights at stake and recommendations")
    ResponseEntity<DossierDetail> get(@PathVariable String dossierId, @AuthenticationPrincipal Jwt member) {
        DossierView view = visible(catalogue, dossierId, member);
        return ResponseEntity.ok().eTag(Writes.etag(view.version())).body(Representations.detail(view, member != null));
    }

    /** A draft is for members only; to anyone else it does not exist. */
    static DossierView visible(DossierCatalogue catalogue, String dossierId, Jwt member) {
        return catalogue.findFor(dossierId, member != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no dossier " + dossierId + "."));
    }

    @PostMapping
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Open a dossier (focal points)")
    ResponseEntity<Map<String, Object>> open(@RequestBody Requests.DossierFields body, Actor actor,
                                             @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String dossierId = UUID.randomUUID().toString();
        return writes.create(dossierId, new OpenDossier(dossierId, body.title(), body.policyArea(), body.summary(), actor.organisation().toString()),
                actor, reason, URI.create("/dossiers/" + dossierId));
    }

    @PutMapping("/{dossierId}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Edit a dossier's title, policy area and summary (focal points)")
    ResponseEntity<Map<String, Object>> edit(@PathVariable String dossierId, @RequestBody Requests.DossierFields body, Actor actor,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new EditDossier(dossierId, expectedVersion(ifMatch), body.title(), body.policyArea(), body.summary()), actor, reason);
    }

    @PostMapping("/{dossierId}/publish")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String dossierId, Actor actor,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new PublishDossier(dossierId, expectedVersion(ifMatch)), actor, reason);
    }

    @PostMapping("/{dossierId}/return-to-draft")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    ResponseEntity<Map<String, Object>> returnToDraft(@PathVariable String dossierId, Actor actor,
                                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                      @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new ReturnDossierToDraft(dossierId, expectedVersion(ifMatch)), actor, reason);
    }

    @PostMapping("/{dossierId}/archive")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    ResponseEntity<Map<String, Object>> archive(@PathVariable String dossierId, Actor actor,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new ArchiveDossier(dossierId, expectedVersion(ifMatch)), actor, reason);
    }

    @PutMapping("/{dossierId}/rights/{rightCode}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Tag a right of the catalogue as at stake, with a rationale (focal points)")
    ResponseEntity<Map<String, Object>> tagRight(@PathVariable String dossierId, @PathVariable String rightCode,
                                                 @RequestBody Requests.Rationale body, Actor actor,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new TagRight(dossierId, expectedVersion(ifMatch), rightCode, body.rationale()), actor, reason);
    }

    @DeleteMapping("/{dossierId}/rights/{rightCode}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    ResponseEntity<Map<String, Object>> untagRight(@PathVariable String dossierId, @PathVariable String rightCode, Actor actor,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                   @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new UntagRight(dossierId, expectedVersion(ifMatch), rightCode), actor, reason);
    }
}
