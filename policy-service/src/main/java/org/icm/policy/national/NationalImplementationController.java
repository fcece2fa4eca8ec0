package org.icm.policy.national;

import static org.icm.service.web.Writes.REASON_HEADER;
import static org.icm.service.web.Writes.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.dossier.Dossier;
import org.icm.policy.dossier.DossierCommand.AddNationalNote;
import org.icm.policy.dossier.DossierCommand.CorrectNationalMeasure;
import org.icm.policy.dossier.DossierCommand.DeclareTransposition;
import org.icm.policy.dossier.DossierCommand.RecordInfringementStep;
import org.icm.policy.dossier.DossierCommand.RecordNationalMeasure;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.policy.national.NationalViews.CountryOverview;
import org.icm.policy.national.NationalViews.Deadline;
import org.icm.policy.national.NationalViews.MeasureInCountry;
import org.icm.policy.national.NationalViews.MeasureTable;
import org.icm.policy.national.NationalViews.RecommendationToStates;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * National implementation of a dossier's measures, member state by member state: recorded by focal points everywhere
 * and by member organisations for the countries they work in; read by everyone as a measure's table of states and as
 * a country's page. Reads come from the catalogue (what is known now); analysts ask for other instants through
 * {@link NationalHistoryController}.
 */
@RestController
@Tag(name = "National implementation", description = "Transposition, implementation and infringements of EU measures in the member states")
class NationalImplementationController {

    private static final String COUNTRY_PATH = "/dossiers/{dossierId}/measures/{measureId}/countries/{country}";

    private final Writes writes;
    private final DossierCatalogue catalogue;
    private final FollowedCountries countries;
    private final Clock clock;

    NationalImplementationController(Writes writes, DossierCatalogue catalogue, FollowedCountries countries, Clock clock) {
        this.writes = writes;
        this.catalogue = catalogue;
        this.countries = countries;
        this.clock = clock;
    }

    // the maximum lengths are the dossier's own, shown in the OpenAPI document
    record NationalMeasureFields(NationalMeasureKind kind, @Schema(maxLength = Dossier.TITLE_MAX) String title,
                                 @Schema(maxLength = Dossier.NATIONAL_REFERENCE_MAX, example = "ΦΕΚ Α 12/2026") String reference,
                                 LocalDate adoptedOn, @Schema(maxLength = Dossier.LINK_MAX, example = "https://www.example.org/law") String link) {
    }

    record NationalMeasureCorrection(NationalMeasureKind kind, @Schema(maxLength = Dossier.TITLE_MAX) String title,
                                     @Schema(maxLength = Dossier.NATIONAL_REFERENCE_MAX) String reference, LocalDate adoptedOn,
                                     @Schema(maxLength = Dossier.LINK_MAX) String link, @Schema(maxLength = Dossier.NOTE_MAX) String reason) {
    }

    record TranspositionFields(TranspositionStatus status, LocalDate effectiveDate, @Schema(maxLength = Dossier.NOTE_MAX) String source) {
    }

    record InfringementFields(InfringementStage stage,
                              @Schema(maxLength = Dossier.REFERENCE_MAX, example = "INFR(2026)2145") String reference, LocalDate effectiveDate) {
    }

    record NoteFields(@Schema(maxLength = Dossier.NOTE_MAX) String text, @Schema(maxLength = 20, example = "UNCRC-20") String rightCode) {
    }

    @PostMapping(COUNTRY_PATH + "/national-measures")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'PARTICIPANT')")
    @Operation(summary = "Record a national measure (transposition measure, implementation plan, designated authority, adaptation)")
    ResponseEntity<Map<String, Object>> recordNationalMeasure(@PathVariable String dossierId, @PathVariable String measureId,
                                                              @PathVariable String country, @RequestBody NationalMeasureFields body,
                                                              Actor actor, @AuthenticationPrincipal Jwt token,
                                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                              @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String checked = mayRecord(actor, token, country);
        String id = UUID.randomUUID().toString();
        return writes.create(id, new RecordNationalMeasure(dossierId, expectedVersion(ifMatch), measureId, checked, id, body.kind(),
                body.title(), body.reference(), body.adoptedOn(), body.link(), actor.organisation().toString(), today()), actor, reason,
                URI.create("/dossiers/" + dossierId + "/measures/" + measureId + "/countries/" + checked + "/national-measures/" + id));
    }

    @PutMapping(COUNTRY_PATH + "/national-measures/{nationalMeasureId}")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'PARTICIPANT')")
    @Operation(summary = "Correct a recorded national measure, with a reason; the history keeps what was recorded before")
    ResponseEntity<Map<String, Object>> correctNationalMeasure(@PathVariable String dossierId, @PathVariable String measureId,
                                                               @PathVariable String country, @PathVariable String nationalMeasureId,
                                                               @RequestBody NationalMeasureCorrection body, Actor actor,
                                                               @AuthenticationPrincipal Jwt token,
                                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String checked = mayRecord(actor, token, country);
        return writes.send(dossierId, new CorrectNationalMeasure(dossierId, expectedVersion(ifMatch), measureId, checked, nationalMeasureId,
                body.kind(), body.title(), body.reference(), body.adoptedOn(), body.link(), actor.organisation().toString(), body.reason(),
                today()), actor, body.reason());
    }

    @PutMapping(COUNTRY_PATH + "/transposition")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'PARTICIPANT')")
    @Operation(summary = "Record what the state declared about its transposition of a directive, from a date, with the source")
    ResponseEntity<Map<String, Object>> declareTransposition(@PathVariable String dossierId, @PathVariable String measureId,
                                                             @PathVariable String country, @RequestBody TranspositionFields body,
                                                             Actor actor, @AuthenticationPrincipal Jwt token,
                                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                             @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String checked = mayRecord(actor, token, country);
        return writes.send(dossierId, new DeclareTransposition(dossierId, expectedVersion(ifMatch), measureId, checked, body.status(),
                body.effectiveDate(), body.source(), actor.organisation().toString(), today()), actor, reason);
    }

    @PostMapping(COUNTRY_PATH + "/infringement-steps")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'PARTICIPANT')")
    @Operation(summary = "Record a step of the Commission's infringement procedure against the state (INFR number and date)")
    ResponseEntity<Map<String, Object>> recordInfringementStep(@PathVariable String dossierId, @PathVariable String measureId,
                                                               @PathVariable String country, @RequestBody InfringementFields body,
                                                               Actor actor, @AuthenticationPrincipal Jwt token,
                                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                               @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String checked = mayRecord(actor, token, country);
        String id = UUID.randomUUID().toString();
        return writes.create(id, new RecordInfringementStep(dossierId, expectedVersion(ifMatch), measureId, checked, id, body.stage(),
                body.reference(), body.effectiveDate(), actor.organisation().toString(), today()), actor, reason,
                URI.create("/dossiers/" + dossierId + "/measures/" + measureId + "/countries/" + checked + "/infringement-steps/" + id));
    }

    @PostMapping(COUNTRY_PATH + "/notes")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'PARTICIPANT')")
    @Operation(summary = "Add a note on how children are affected in that country, with a right at stake")
    ResponseEntity<Map<String, Object>> addNote(@PathVariable String dossierId, @PathVariable String measureId, @PathVariable String country,
                                                @RequestBody NoteFields body, Actor actor, @AuthenticationPrincipal Jwt token,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String checked = mayRecord(actor, token, country);
        String id = UUID.randomUUID().toString();
        return writes.create(id, new AddNationalNote(dossierId, expectedVersion(ifMatch), measureId, checked, id, body.text(), body.rightCode(),
                actor.organisation().toString()), actor, reason,
                URI.create("/dossiers/" + dossierId + "/measures/" + measureId + "/countries/" + checked + "/notes/" + id));
    }

    /** Who may record comes first: a member learns nothing about a country it may not record for. */
    private String mayRecord(Actor actor, Jwt token, String country) {
        countries.checkMayRecord(actor, token, country);
        return countries.checked(country);
    }

    @GetMapping("/dossiers/{dossierId}/measures/{measureId}/countries")
    @Operation(summary = "The measure's national implementation in every followed state, with a summary (\"12 of 27 complete\")",
            description = "status filters the rows: NOT_NOTIFIED, PARTIAL, COMPLETE or NONE (nothing declared); the summary counts all states.")
    MeasureTable table(@PathVariable String dossierId, @PathVariable String measureId, @RequestParam(required = false) String status,
                       @AuthenticationPrincipal Jwt member) {
        DossierView view = visible(dossierId, member);
        return MeasureTable.of(view.state(), NationalViews.measure(view.state(), measureId), countries.all(), status, view.version(), null, null,
                today());
    }

    @GetMapping("/countries")
    @Operation(summary = "The countries whose national implementation the network follows")
    List<Map<String, String>> followed() {
        return countries.all().stream().map(code -> Map.of("code", code, "name", NationalViews.name(code))).toList();
    }

    @GetMapping("/countries/{country}")
    @Operation(summary = "A country's page: every tracked measure with its national status, deadlines, infringements, and the "
            + "recommendations addressed to the member states")
    CountryOverview country(@PathVariable String country, @AuthenticationPrincipal Jwt member) {
        if (!countries.follows(country)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The network does not follow national implementation in '" + country + "'.");
        }
        List<DossierState> dossiers = catalogue.search(new DossierCatalogue.DossierFilter(member != null, null, null, null, null, null), 0,
                Integer.MAX_VALUE).stream().map(DossierView::state).toList();
        return overview(country, dossiers, today());
    }

    static CountryOverview overview(String country, List<DossierState> dossiers, LocalDate today) {
        List<MeasureInCountry> measures = new ArrayList<>();
        List<Deadline> deadlines = new ArrayList<>();
        List<RecommendationToStates> recommendations = new ArrayList<>();
        for (DossierState dossier : dossiers) {
            for (Measure measure : dossier.measures().values()) {
                if (!NationalViews.tracked(measure)) {
                    continue;
                }
                measures.add(MeasureInCountry.of(dossier, measure, country, today));
                if (measure.transpositionDeadline() != null) {
                    deadlines.add(new Deadline(dossier.id(), measure.id(), measure.title(), "TRANSPOSITION", measure.transpositionDeadline(),
                            measure.transpositionDeadline().isBefore(today)));
                }
                if (measure.application() != null) {
                    deadlines.add(new Deadline(dossier.id(), measure.id(), measure.title(), "APPLICATION", measure.application(),
                            measure.application().isBefore(today)));
                }
            }
            dossier.recommendations().values().stream()
                    .filter(r -> r.status() == RecommendationStatus.PUBLISHED && r.addressees().contains(Addressee.MEMBER_STATES))
                    .forEach(r -> recommendations.add(new RecommendationToStates(dossier.id(), dossier.title(), r.id(), r.text())));
        }
        deadlines.sort(Comparator.comparing(Deadline::date));
        return new CountryOverview(country, NationalViews.name(country), List.copyOf(measures), List.copyOf(deadlines), List.copyOf(recommendations));
    }

    private DossierView visible(String dossierId, Jwt member) {
        return catalogue.findFor(dossierId, member != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no dossier " + dossierId + "."));
    }

    /** National facts are dated by the calendar of Brussels, as the EU steps are. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
