package org.icm.policy.vocabulary;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.icm.kernel.vocabulary.Country;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Right;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.kernel.vocabulary.VocabularyWords;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vocabularies a client needs to write and read dossiers, as public reads: the rights catalogue, policy areas,
 * procedure stages, measure types and countries, each code with the words people read in every language of the
 * platform. Served from the shared kernel, the same source the commands check against, so no client keeps a copy.
 */
@RestController
class VocabularyController {

    /** A code and what people read for it. */
    record Term(String code, Map<String, String> words) {
    }

    /** A procedure stage; an exit (withdrawn, lapsed) ends the procedure. */
    record Stage(String code, Map<String, String> words, boolean exit) {
    }

    record Vocabulary(List<Right> rights, List<Term> policyAreas, List<Stage> stages, List<Term> measureTypes, List<Term> countries) {
    }

    private static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    @GetMapping("/rights")
    @Operation(summary = "The rights catalogue: every right a dossier can tag as at stake (UNCRC, EU Charter, ECHR articles)")
    ResponseEntity<List<Right>> rights() {
        return ResponseEntity.ok().cacheControl(A_DAY).body(List.copyOf(RightsCatalogue.standard().all()));
    }

    @GetMapping("/vocabulary")
    @Operation(summary = "Every vocabulary of dossiers and organisations: rights, policy areas, stages, measure types, countries, with their words in English and French")
    ResponseEntity<Vocabulary> vocabulary() {
        List<Stage> stages = Arrays.stream(ProcedureStage.values())
                .map(stage -> new Stage(stage.name(), VocabularyWords.inEveryLanguage(stage), stage.isExit())).toList();
        return ResponseEntity.ok().cacheControl(A_DAY).body(new Vocabulary(List.copyOf(RightsCatalogue.standard().all()), terms(PolicyArea.values()),
                stages, terms(MeasureType.values()), countries()));
    }

    private static List<Term> terms(Enum<?>[] codes) {
        return Arrays.stream(codes).map(code -> new Term(code.name(), VocabularyWords.inEveryLanguage(code))).toList();
    }

    /** ISO 3166-1 alpha-2, named as the JDK's copy of CLDR names them. */
    private static List<Term> countries() {
        return Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream().sorted().map(code -> {
            Map<String, String> words = new LinkedHashMap<>();
            VocabularyWords.LANGUAGES.forEach(language -> words.put(language.getLanguage(), Locale.of("", code).getDisplayCountry(language)));
            return new Term(new Country(code).code(), words);
        }).toList();
    }
}
