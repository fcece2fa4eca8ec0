package org.icm.web.pages;

import java.util.List;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.web.countries.FollowedCountries;
import org.icm.web.countries.NationalTables;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Dossiers with filters, and one dossier: its measures with their stage timelines (and, for directives and regulations,
 * the member states' table), rights at stake and recommendations.
 */
@Controller
class DossierPages {

    static final int PAGE_SIZE = 20;

    private final Gateway gateway;
    private final DossierReads reads;
    private final NationalTables nationalTables;
    private final Labels labels;
    private final FollowedCountries followedCountries;

    DossierPages(Gateway gateway, DossierReads reads, NationalTables nationalTables, Labels labels, FollowedCountries followedCountries) {
        this.gateway = gateway;
        this.reads = reads;
        this.nationalTables = nationalTables;
        this.labels = labels;
        this.followedCountries = followedCountries;
    }

    @GetMapping("/dossiers")
    String list(@RequestParam(required = false) String policyArea, @RequestParam(required = false) String right,
                @RequestParam(required = false) String stage, @RequestParam(required = false) String q,
                @RequestParam(required = false) String country, @RequestParam(defaultValue = "0") int page, Model model) {
        Policy.Page<Policy.DossierSummary> found = gateway.get(gateway.uri("/api/policy/dossiers",
                        Gateway.query("policyArea", policyArea, "right", right, "stage", stage, "q", q, "country", country,
                                "page", Math.max(page, 0), "size", PAGE_SIZE)),
                new ParameterizedTypeReference<>() { });
        model.addAttribute("found", found);
        model.addAttribute("policyAreas", List.of(PolicyArea.values()));
        model.addAttribute("stages", List.of(ProcedureStage.values()));
        model.addAttribute("rights", RightsCatalogue.standard().all());
        model.addAttribute("countries", followedCountries.byNameOrNone());
        model.addAttribute("filter", new Filter(policyArea, right, stage, q, country));
        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < found.total());
        return "dossiers";
    }

    record Filter(String policyArea, String right, String stage, String q, String country) {
    }

    @GetMapping("/dossiers/{dossierId}")
    String dossier(@PathVariable String dossierId, @RequestParam(name = ReadYourWrites.SEEN, required = false) Long seen,
                   @RequestParam(required = false) String measure, @RequestParam(required = false) String status,
                   @RequestParam(required = false) String asOf, @RequestParam(required = false) String validAt, Model model) {
        DossierReads.Read read = reads.atLeast(dossierId, seen);
        model.addAttribute("dossier", read.dossier());
        model.addAttribute("nationalTables", nationalTables.of(read.dossier(), new NationalTables.Filter(measure, status, asOf, validAt)));
        model.addAttribute("nationalStatuses", NationalTables.STATUSES);
        model.addAttribute("behind", read.behind());
        model.addAttribute("stages", List.of(ProcedureStage.values()));
        model.addAttribute("rights", RightsCatalogue.standard().all());
        return "dossier";
    }
}
