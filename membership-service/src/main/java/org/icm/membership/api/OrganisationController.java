package org.icm.membership.api;

import static org.icm.service.web.Writes.REASON_HEADER;
import static org.icm.membership.api.Access.acting;
import static org.icm.service.web.Writes.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.membership.api.Representations.OrganisationView;
import org.icm.membership.api.Representations.Page;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.membership.directory.OrganisationDirectory.DirectoryFilter;
import org.icm.membership.directory.OrganisationDirectory.Entry;
import org.icm.membership.directory.Partners;
import org.icm.membership.organisation.Commands;
import org.icm.membership.organisation.FocalPointRegistry;
import org.icm.membership.organisation.NameClaims;
import org.icm.membership.organisation.OrganisationCommand.*;
import org.icm.membership.organisation.OrganisationStatus;
import org.icm.service.rules.Inputs;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

/**
 * Organisations: anyone applies and reads the directory of admitted organisations; members see contact persons;
 * focal points decide admissions and run the network; an organisation's own people keep its profile. Reads come
 * from the directory (read model); the ETag of an organisation is its aggregate version.
 */
@RestController
@RequestMapping("/organisations")
@Tag(name = "Organisations", description = "Member organisations of ICM: applications, admissions, focal points, the directory")
class OrganisationController {

    static final int MAX_PAGE_SIZE = 100;
    /** The longest search text: words to look for, not a document. */
    static final int SEARCH_MAX = 200;

    private final Writes writes;
    private final OrganisationDirectory directory;
    private final NameClaims names;
    private final FocalPointRegistry focalPoints;

    OrganisationController(Writes writes, OrganisationDirectory directory, NameClaims names, FocalPointRegistry focalPoints) {
        this.writes = writes;
        this.directory = directory;
        this.names = names;
        this.focalPoints = focalPoints;
    }

    @PostMapping
    @Operation(summary = "Apply to join ICM (public)", description = "Focal points then admit or reject the application.")
    ResponseEntity<Map<String, Object>> apply(@RequestBody Requests.ProfileFields body) {
        String organisationId = UUID.randomUUID().toString();
        names.claim(body.name(), organisationId);
        try {
            long version = writes.dispatch(new Apply(organisationId, body.profile()), Commands.applicant(organisationId), null);
            return ResponseEntity.created(java.net.URI.create("/organisations/" + organisationId)).eTag(Writes.etag(version))
                    .body(Map.of("id", organisationId, "version", version));
        } catch (RuntimeException refused) {
            names.release(body.name(), organisationId);
            throw refused;
        }
    }

    @GetMapping
    @Operation(summary = "The directory of admitted organisations", description = "Filters combine; contact persons for signed-in members only.")
    Page<OrganisationView> list(@RequestParam(required = false) String country, @RequestParam(required = false) String scope,
                                @RequestParam(required = false) String focus, @RequestParam(required = false) String expertise,
                                @RequestParam(required = false) String advocacyTarget, @RequestParam(required = false, name = "q") String text,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                @AuthenticationPrincipal Jwt member) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        DirectoryFilter filter = new DirectoryFilter(country, scope, focus, expertise, advocacyTarget, Inputs.optionalText("q", text, SEARCH_MAX));
        return new Page<>(directory.search(filter, page, size).stream().map(entry -> Representations.view(entry, member != null)).toList(),
                page, size, directory.count(filter));
    }

    @GetMapping("/applications")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Applications waiting for a decision (focal points)")
    List<OrganisationView> applications() {
        return directory.inStatus(OrganisationStatus.APPLIED).stream().map(entry -> Representations.view(entry, true)).toList();
    }

    @GetMapping("/{organisationId}")
    @Operation(summary = "An organisation's profile", description = "Admitted organisations are public; members see every organisation and its contact person.")
    ResponseEntity<OrganisationView> get(@PathVariable String organisationId, @AuthenticationPrincipal Jwt member) {
        Entry entry = visible(organisationId, member);
        return ResponseEntity.ok().eTag(Writes.etag(entry.version())).body(Representations.view(entry, member != null));
    }

    @GetMapping("/{organisationId}/partners")
    @Operation(summary = "Find partners: admitted organisations that complement this one, ranked, with the reasons")
    List<PartnerView> partners(@PathVariable String organisationId, @RequestParam(defaultValue = "10") int limit,
                               @AuthenticationPrincipal Jwt member) {
        Entry entry = visible(organisationId, member);
        return Partners.suggest(entry.state(), directory.admitted()).stream().limit(Math.max(1, Math.min(limit, MAX_PAGE_SIZE)))
                .map(s -> new PartnerView(s.organisation().id(), s.organisation().name(), s.organisation().profile().acronym(),
                        s.organisation().profile().focus().name(), s.organisation().profile().scope().name(), s.organisation().profile().countries(),
                        s.score(), s.reasons()))
                .toList();
    }

    record PartnerView(String id, String name, String acronym, String focus, String scope, List<String> countries, int score,
                       List<String> reasons) {
    }

    @PutMapping("/{organisationId}")
    @Operation(summary = "Edit the profile (the organisation's own people, or focal points)")
    ResponseEntity<Map<String, Object>> edit(@PathVariable String organisationId, @RequestBody Requests.ProfileFields body, Actor actor,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String oldName = names.heldBy(organisationId).orElse(null);
        boolean renamed = oldName != null && body.name() != null && !NameClaims.normalise(oldName).equals(NameClaims.normalise(body.name()));
        if (renamed) {
            names.claim(body.name(), organisationId);
        }
        try {
            var answer = writes.send(organisationId, new EditProfile(organisationId, expectedVersion(ifMatch), acting(actor), body.profile()), actor, reason);
            if (renamed) {
                names.release(oldName, organisationId);
            }
            return answer;
        } catch (RuntimeException refused) {
            if (renamed) {
                names.release(body.name(), organisationId);
            }
            throw refused;
        }
    }

    @PostMapping("/{organisationId}/admit")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Admit an application (focal points)")
    ResponseEntity<Map<String, Object>> admit(@PathVariable String organisationId, Actor actor,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(organisationId, new Admit(organisationId, expectedVersion(ifMatch), acting(actor)), actor, reason);
    }

    @PostMapping("/{organisationId}/reject")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Reject an application, with a reason (focal points); the name is free again")
    ResponseEntity<Map<String, Object>> reject(@PathVariable String organisationId, @RequestBody Requests.Reason body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        var answer = writes.send(organisationId, new Reject(organisationId, expectedVersion(ifMatch), acting(actor), body.reason()), actor, body.reason());
        releaseName(organisationId);
        return answer;
    }

    @PostMapping("/{organisationId}/suspend")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Suspend a member, with a reason (focal points)")
    ResponseEntity<Map<String, Object>> suspend(@PathVariable String organisationId, @RequestBody Requests.Reason body, Actor actor,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(organisationId, new Suspend(organisationId, expectedVersion(ifMatch), acting(actor), body.reason()), actor, body.reason());
    }

    @PostMapping("/{organisationId}/reinstate")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Reinstate a suspended member (focal points)")
    ResponseEntity<Map<String, Object>> reinstate(@PathVariable String organisationId, Actor actor,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(organisationId, new Reinstate(organisationId, expectedVersion(ifMatch), acting(actor)), actor, reason);
    }

    @PostMapping("/{organisationId}/withdraw")
    @Operation(summary = "Leave ICM, or take back an application (the organisation's own people, or focal points)")
    ResponseEntity<Map<String, Object>> withdraw(@PathVariable String organisationId, Actor actor,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        var answer = writes.send(organisationId, new Withdraw(organisationId, expectedVersion(ifMatch), acting(actor)), actor, reason);
        releaseName(organisationId);
        return answer;
    }

    @PutMapping("/{organisationId}/focal-point")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Designate an admitted organisation as a focal point (focal points)")
    ResponseEntity<Map<String, Object>> designate(@PathVariable String organisationId, Actor actor,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        var answer = writes.send(organisationId, new DesignateFocalPoint(organisationId, expectedVersion(ifMatch), acting(actor)), actor, reason);
        focalPoints.add(organisationId);
        return answer;
    }

    @DeleteMapping("/{organisationId}/focal-point")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Revoke a focal-point designation (focal points); the last focal point stays")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String organisationId, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        int others = focalPoints.takeOut(organisationId);
        try {
            return writes.send(organisationId, new RevokeFocalPoint(organisationId, expectedVersion(ifMatch), acting(actor), others), actor, reason);
        } catch (RuntimeException refused) {
            if (others > 0) {
                focalPoints.add(organisationId);
            }
            throw refused;
        }
    }

    private void releaseName(String organisationId) {
        names.releaseAllOf(organisationId);
    }

    /** Admitted organisations are public; applications, suspended and closed ones are for members. */
    private Entry visible(String organisationId, Jwt member) {
        return directory.find(organisationId)
                .filter(entry -> member != null || entry.state().status() == OrganisationStatus.ADMITTED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no organisation " + organisationId + "."));
    }
}
