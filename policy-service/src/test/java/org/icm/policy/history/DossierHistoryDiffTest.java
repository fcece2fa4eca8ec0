package org.icm.policy.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.List;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierEvent.*;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.junit.jupiter.api.Test;

/**
 * The changes of a diff read like the operations of a JSON Patch: each applies to the state the changes before it
 * left, so its old value is the value that stood at its path then (found by {@code HistoryPropertyTest}: the second
 * of two items removed from the front of a list was reported with the first one's value).
 */
class DossierHistoryDiffTest {

    static final String DOSSIER = "pact";
    static final String RECOMMENDATION = "no-detention";

    final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new ParameterNamesModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    final DossierHistory history = new DossierHistory(null, json, null); // diff reads no events and keeps no states

    @Test
    void eachRemovedItemOfAListIsReportedWithItsOwnValue() {
        List<DossierEvent> adopted = List.of(
                new DossierOpened(DOSSIER, "Pact on Migration and Asylum", PolicyArea.ASYLUM, null, "picum"),
                new RecommendationDrafted(DOSSIER, RECOMMENDATION, "Never detain children.", List.of(Addressee.COUNCIL), List.of()),
                new RecommendationStatusChanged(DOSSIER, RECOMMENDATION, RecommendationStatus.DRAFT, RecommendationStatus.IN_REVIEW),
                new RecommendationStatusChanged(DOSSIER, RECOMMENDATION, RecommendationStatus.IN_REVIEW, RecommendationStatus.ADOPTED),
                new RecommendationEndorsed(DOSSIER, RECOMMENDATION, "picum"),
                new RecommendationEndorsed(DOSSIER, RECOMMENDATION, "save-the-children"),
                new RecommendationEndorsed(DOSSIER, RECOMMENDATION, "unicef"));
        DossierState from = DossierState.fold(adopted);
        DossierState to = from
                .apply(new RecommendationEndorsementWithdrawn(DOSSIER, RECOMMENDATION, "picum"))
                .apply(new RecommendationEndorsementWithdrawn(DOSSIER, RECOMMENDATION, "save-the-children"));

        String endorsements = "/recommendations/" + RECOMMENDATION + "/endorsements/";
        assertThat(history.diff(from, to)).extracting(Change::path, Change::change, Change::oldValue).containsExactly(
                tuple(endorsements + "0", "removed", "picum"),
                tuple(endorsements + "0", "removed", "save-the-children"));
    }
}
