package org.icm.policy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Right;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.catalogue.RevisionView;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.DossierStatus;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.policy.dossier.Vocabulary.Visibility;

/** What the API answers: dossiers as people read them, built from the catalogue's views. */
final class Representations {

    private Representations() {
    }

    record DossierSummary(String id, String title, PolicyArea policyArea, Visibility visibility, DossierStatus status,
                          List<String> rightsAtStake, int measures, long version, Instant lastChangedAt) {
    }

    record DossierDetail(String id, String title, PolicyArea policyArea, String summary, String leadOrganisation, Visibility visibility,
                         DossierStatus status, List<MeasureDetail> measures, List<RightDetail> rightsAtStake,
                         List<RecommendationSummary> recommendations, long version, Instant lastChangedAt) {
    }

    record MeasureDetail(String id, String title, MeasureType type, String procedureReference, String comReference, String celexNumber,
                         String finalAct, ProcedureStage currentStage, LocalDate currentStageDate, List<DossierState.Step> steps,
                         LocalDate entryIntoForce, LocalDate application, LocalDate transpositionDeadline) {
    }

    record RightDetail(String code, String instrument, String article, String title, String rationale) {
    }

    record RecommendationSummary(String id, String text, int revision, List<Addressee> addressees, List<String> measureIds,
                                 RecommendationStatus status, Outcome outcome, String outcomeEvidence, int endorsements) {
    }

    record RecommendationDetail(String id, String dossierId, String text, int revision, List<Addressee> addressees, List<String> measureIds,
                                RecommendationStatus status, Outcome outcome, String outcomeEvidence, List<String> endorsements,
                                List<RevisionView> revisions, long version) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    static DossierSummary summary(DossierView view) {
        DossierState s = view.state();
        return new DossierSummary(s.id(), s.title(), s.policyArea(), s.visibility(), s.status(), List.copyOf(s.rights().keySet()),
                s.measures().size(), view.version(), view.lastChangedAt());
    }

    /** Members see every recommendation; the public sees published ones only. */
    static DossierDetail detail(DossierView view, boolean membersView) {
        DossierState s = view.state();
        return new DossierDetail(s.id(), s.title(), s.policyArea(), s.summary(), s.leadOrganisation(), s.visibility(), s.status(),
                s.measures().values().stream().map(Representations::measure).toList(),
                s.rights().values().stream().map(Representations::right).toList(),
                s.recommendations().values().stream()
                        .filter(r -> membersView || r.status() == RecommendationStatus.PUBLISHED)
                        .map(Representations::recommendation).toList(),
                view.version(), view.lastChangedAt());
    }

    static RecommendationDetail recommendation(DossierView view, DossierState.Recommendation r, List<RevisionView> revisions) {
        return new RecommendationDetail(r.id(), view.state().id(), r.text(), r.revision(), r.addressees(), r.measureIds(), r.status(),
                r.outcome(), r.outcomeEvidence(), r.endorsements(), revisions, view.version());
    }

    private static MeasureDetail measure(DossierState.Measure m) {
        var current = m.currentStep();
        return new MeasureDetail(m.id(), m.title(), m.type(), m.procedureReference(), m.comReference(), m.celexNumber(), m.finalAct(),
                current.map(DossierState.Step::stage).orElse(null), current.map(DossierState.Step::effectiveDate).orElse(null),
                m.chronology(), m.entryIntoForce(), m.application(), m.transpositionDeadline());
    }

    private static RightDetail right(DossierState.RightAtStake tagged) {
        Right right = RightsCatalogue.standard().find(tagged.code()).orElseThrow();
        return new RightDetail(right.code(), right.instrument(), right.article(), right.title(), tagged.rationale());
    }

    private static RecommendationSummary recommendation(DossierState.Recommendation r) {
        return new RecommendationSummary(r.id(), r.text(), r.revision(), r.addressees(), r.measureIds(), r.status(), r.outcome(),
                r.outcomeEvidence(), r.endorsements().size());
    }
}
