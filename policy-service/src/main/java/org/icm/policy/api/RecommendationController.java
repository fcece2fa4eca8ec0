package org.icm.policy.api;

import static org.icm.service.web.Writes.REASON_HEADER;
import static org.icm.service.web.Writes.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.icm.policy.api.Representations.RecommendationDetail;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.catalogue.RecommendationRevisions;
import org.icm.policy.dossier.DossierCommand.ChangeRecommendationAddressees;
import org.icm.policy.dossier.DossierCommand.DraftRecommendation;
import org.icm.policy.dossier.DossierCommand.EndorseRecommendation;
import org.icm.policy.dossier.DossierCommand.LinkRecommendationToMeasure;
import org.icm.policy.dossier.DossierCommand.MoveRecommendationStatus;
import org.icm.policy.dossier.DossierCommand.RecordRecommendationOutcome;
import org.icm.policy.dossier.DossierCommand.ReviseRecommendation;
import org.icm.policy.dossier.DossierCommand.UnlinkRecommendationFromMeasure;
import org.icm.policy.dossier.DossierCommand.WithdrawEndorsement;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** ICM's recommendations on a dossier: focal points draft and steer them; member organisations endorse them. */
@RestController
@RequestMapping("/dossiers/{dossierId}/recommendations")
@Tag(name = "Recommendations", description = "ICM's asks to EU institutions and member states, revised over time")
class RecommendationController {

    private final Writes writes;
    private final DossierCatalogue catalogue;
    private final RecommendationRevisions revisions;

    RecommendationController(Writes writes, DossierCatalogue catalogue, RecommendationRevisions revisions) {
        this.writes = writes;
        this.catalogue = catalogue;
        this.revisions = revisions;
    }

    @GetMapping("/{recommendationId}")
    @Operation(summary = "A recommendation with every revision of its text and its endorsements",
            description = "Published recommendations of published dossiers for everyone; all of them for signed-in members.")
    ResponseEntity<RecommendationDetail> get(@PathVariable String dossierId, @PathVariable String recommendationId,
                                             @AuthenticationPrincipal Jwt member) {
        DossierView view = DossierController.visible(catalogue, dossierId, member);
        DossierState.Recommendation recommendation = view.state().recommendations().get(recommendationId);
        if (recommendation == null || (member == null && recommendation.status() != RecommendationStatus.PUBLISHED)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no recommendation " + recommendationId + " in this dossier.");
        }
        return ResponseEntity.ok().eTag(Writes.etag(view.version()))
                .body(Representations.recommendation(view, recommendation, revisions.of(recommendationId)));
    }

    @PostMapping
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Draft a recommendation (focal points)")
    ResponseEntity<Map<String, Object>> draft(@PathVariable String dossierId, @RequestBody Requests.NewRecommendation body, Actor actor,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String recommendationId = UUID.randomUUID().toString();
        return writes.create(recommendationId, new DraftRecommendation(dossierId, expectedVersion(ifMatch), recommendationId, body.text(), body.addressees(),
                        body.measureIds()), actor, reason,
                URI.create("/dossiers/" + dossierId + "/recommendations/" + recommendationId));
    }

    @PutMapping("/{recommendationId}/text")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Revise the text; every revision is kept")
    ResponseEntity<Map<String, Object>> revise(@PathVariable String dossierId, @PathVariable String recommendationId,
                                               @RequestBody Requests.Text body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new ReviseRecommendation(dossierId, expectedVersion(ifMatch), recommendationId, body.text()), actor, reason);
    }

    @PutMapping("/{recommendationId}/addressees")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    ResponseEntity<Map<String, Object>> addressees(@PathVariable String dossierId, @PathVariable String recommendationId,
                                                   @RequestBody Requests.Addressees body, Actor actor,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                   @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new ChangeRecommendationAddressees(dossierId, expectedVersion(ifMatch), recommendationId, body.addressees()),
                actor, reason);
    }

    @PutMapping("/{recommendationId}/measures/{measureId}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    ResponseEntity<Map<String, Object>> link(@PathVariable String dossierId, @PathVariable String recommendationId,
                                             @PathVariable String measureId, Actor actor,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new LinkRecommendationToMeasure(dossierId, expectedVersion(ifMatch), recommendationId, measureId), actor, reason);
    }

    @DeleteMapping("/{recommendationId}/measures/{measureId}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    ResponseEntity<Map<String, Object>> unlink(@PathVariable String dossierId, @PathVariable String recommendationId,
                                               @PathVariable String measureId, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new UnlinkRecommendationFromMeasure(dossierId, expectedVersion(ifMatch), recommendationId, measureId), actor, reason);
    }

    @PutMapping("/{recommendationId}/status")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Move the status: DRAFT, IN_REVIEW, ADOPTED, PUBLISHED, or WITHDRAWN at any point")
    ResponseEntity<Map<String, Object>> status(@PathVariable String dossierId, @PathVariable String recommendationId,
                                               @RequestBody Requests.Status body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new MoveRecommendationStatus(dossierId, expectedVersion(ifMatch), recommendationId, body.status()), actor, reason);
    }

    @PutMapping("/{recommendationId}/outcome")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Record how far the addressees took up a published recommendation, with evidence")
    ResponseEntity<Map<String, Object>> outcome(@PathVariable String dossierId, @PathVariable String recommendationId,
                                                @RequestBody Requests.OutcomeFields body, Actor actor,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new RecordRecommendationOutcome(dossierId, expectedVersion(ifMatch), recommendationId, body.outcome(),
                body.evidence()), actor, reason);
    }

    @PutMapping("/{recommendationId}/endorsements/{organisationId}")
    @Operation(summary = "Endorse on behalf of your own organisation")
    ResponseEntity<Map<String, Object>> endorse(@PathVariable String dossierId, @PathVariable String recommendationId,
                                                @PathVariable String organisationId, Actor actor,
                                                @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        requireOwnOrganisation(actor, organisationId);
        return writes.send(dossierId, new EndorseRecommendation(dossierId, null, recommendationId, organisationId), actor, reason);
    }

    @DeleteMapping("/{recommendationId}/endorsements/{organisationId}")
    @Operation(summary = "Withdraw your own organisation's endorsement")
    ResponseEntity<Map<String, Object>> withdrawEndorsement(@PathVariable String dossierId, @PathVariable String recommendationId,
                                                            @PathVariable String organisationId, Actor actor,
                                                            @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        requireOwnOrganisation(actor, organisationId);
        return writes.send(dossierId, new WithdrawEndorsement(dossierId, null, recommendationId, organisationId), actor, reason);
    }

    /** An account speaks for its own organisation only. */
    private static void requireOwnOrganisation(Actor actor, String organisationId) {
        if (!actor.organisation().toString().equals(organisationId)) {
            throw new AccessDeniedException("an account endorses on behalf of its own organisation only");
        }
    }
}
