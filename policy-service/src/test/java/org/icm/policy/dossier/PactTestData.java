package org.icm.policy.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierEvent.DossierOpened;
import org.icm.policy.dossier.DossierEvent.MeasureAdded;
import org.icm.policy.dossier.DossierEvent.ProcedureStepRecorded;
import org.icm.policy.dossier.DossierEvent.RecommendationDrafted;
import org.icm.policy.dossier.DossierEvent.RecommendationStatusChanged;
import org.icm.service.rules.RuleViolation.Kind;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.service.rules.RuleViolation;

/**
 * Given-events and matchers shared by the dossier tests, built from /work/shared/data/eu-dossiers.json:
 * the Pact on Migration and Asylum with its Asylum Procedure Regulation, Screening Regulation and
 * Reception Conditions Directive, their Legislative Observatory references, COM/CELEX numbers and the
 * real dates of their procedure steps. The dataset holds no exit (WITHDRAWN, LAPSED); tests that need one
 * record an illustrative exit on the Return Directive recast, whose procedure is still pending.
 */
final class PactTestData {

    /** The day the focal point records things in these tests; every real step of the dataset lies before it. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    static final String PACT = "pact-on-migration-and-asylum";
    static final String PACT_TITLE = "Pact on Migration and Asylum";
    static final String PACT_SUMMARY = "The 2020 package of regulations and a directive reforming the EU asylum and migration system.";

    static final String PICUM = "org-picum";
    static final String MISSING_CHILDREN_EUROPE = "org-missing-children-europe";
    static final String CHILD_CIRCLE = "org-child-circle";

    static final String APR = "asylum-procedure-regulation";
    static final String APR_TITLE = "Asylum Procedure Regulation";
    static final String APR_PROCEDURE = "2016/0224(COD)";

    static final String SCREENING = "screening-regulation";
    static final String SCREENING_PROCEDURE = "2020/0278(COD)";

    static final String RCD = "reception-conditions-directive";
    static final String RCD_TITLE = "Reception Conditions Directive (recast)";
    static final String RCD_PROCEDURE = "2016/0222(COD)";

    static final String RETURN_RECAST = "return-directive-recast";
    static final String RETURN_PROCEDURE = "2018/0329(COD)";

    static final String BORDER_PROCEDURES = "rec-border-procedures";
    static final String BORDER_PROCEDURES_TEXT = "Exempt all children and their families from border procedures.";
    static final String BORDER_PROCEDURES_REVISED = "Exempt unaccompanied children and families with children under twelve from border "
            + "procedures, and apply a best-interests assessment to every other child before a border procedure starts.";

    static final String NO_DETENTION = "rec-no-detention";
    static final String NO_DETENTION_TEXT =
            "Never detain children for migration-related reasons; provide community-based alternatives for families.";

    private PactTestData() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static DossierOpened pactOpened() {
        return new DossierOpened(PACT, PACT_TITLE, PolicyArea.ASYLUM, PACT_SUMMARY, PICUM);
    }

    static MeasureAdded aprAdded() {
        return new MeasureAdded(PACT, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, "COM(2020)611", "32024R1348",
                "Regulation (EU) 2024/1348");
    }

    static MeasureAdded screeningAdded() {
        return new MeasureAdded(PACT, SCREENING, "Screening Regulation", MeasureType.REGULATION, SCREENING_PROCEDURE, "COM(2020)612",
                "32024R1356", "Regulation (EU) 2024/1356");
    }

    static MeasureAdded rcdAdded() {
        return new MeasureAdded(PACT, RCD, RCD_TITLE, MeasureType.DIRECTIVE, RCD_PROCEDURE, null, "32024L1346",
                "Directive (EU) 2024/1346");
    }

    /** The Return Directive recast, filed in the Pact dossier here so that exit scenarios share one fixture. */
    static MeasureAdded returnRecastAdded() {
        return new MeasureAdded(PACT, RETURN_RECAST, "Return Directive (recast)", MeasureType.DIRECTIVE, RETURN_PROCEDURE,
                "COM(2018)634", null, null);
    }

    static ProcedureStepRecorded stepRecorded(String measureId, String stepId, ProcedureStage stage, String effectiveDate) {
        return stepRecorded(measureId, stepId, stage, effectiveDate, null);
    }

    static ProcedureStepRecorded stepRecorded(String measureId, String stepId, ProcedureStage stage, String effectiveDate, String note) {
        return new ProcedureStepRecorded(PACT, measureId, stepId, stage, date(effectiveDate), note, null);
    }

    /** The Asylum Procedure Regulation's real steps, as recorded in the order they happened. */
    static List<ProcedureStepRecorded> aprSteps() {
        return List.of(
                stepRecorded(APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13"),
                stepRecorded(APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, "2020-09-23", "amended proposal COM(2020)611"),
                stepRecorded(APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, "2023-12-20"),
                stepRecorded(APR, "apr-4", ProcedureStage.ADOPTED, "2024-05-14"),
                stepRecorded(APR, "apr-5", ProcedureStage.PUBLISHED_IN_OJ, "2024-05-22"),
                stepRecorded(APR, "apr-6", ProcedureStage.IN_FORCE, "2024-06-11"));
    }

    /** The Return Directive recast's real steps: proposal, then the LIBE committee. */
    static List<ProcedureStepRecorded> returnRecastSteps() {
        return List.of(
                stepRecorded(RETURN_RECAST, "ret-1", ProcedureStage.PROPOSAL_ADOPTED, "2018-09-12"),
                stepRecorded(RETURN_RECAST, "ret-2", ProcedureStage.EP_COMMITTEE, "2019-09-04", "rapporteur appointed"));
    }

    static RecommendationDrafted borderProceduresDrafted() {
        return new RecommendationDrafted(PACT, BORDER_PROCEDURES, BORDER_PROCEDURES_TEXT,
                List.of(Addressee.EUROPEAN_PARLIAMENT, Addressee.COUNCIL), List.of(APR));
    }

    static RecommendationDrafted noDetentionDrafted() {
        return new RecommendationDrafted(PACT, NO_DETENTION, NO_DETENTION_TEXT, List.of(Addressee.MEMBER_STATES), List.of(SCREENING, RCD));
    }

    /** The status changes that bring a drafted recommendation to {@code status} by the shortest allowed path. */
    static List<RecommendationStatusChanged> statusPath(String recommendationId, RecommendationStatus status) {
        List<RecommendationStatus> path = switch (status) {
            case DRAFT -> List.of(RecommendationStatus.DRAFT);
            case IN_REVIEW -> List.of(RecommendationStatus.DRAFT, RecommendationStatus.IN_REVIEW);
            case ADOPTED -> List.of(RecommendationStatus.DRAFT, RecommendationStatus.IN_REVIEW, RecommendationStatus.ADOPTED);
            case PUBLISHED -> List.of(RecommendationStatus.DRAFT, RecommendationStatus.IN_REVIEW, RecommendationStatus.ADOPTED,
                    RecommendationStatus.PUBLISHED);
            case WITHDRAWN -> List.of(RecommendationStatus.DRAFT, RecommendationStatus.WITHDRAWN);
        };
        List<RecommendationStatusChanged> changes = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            changes.add(new RecommendationStatusChanged(PACT, recommendationId, path.get(i - 1), path.get(i)));
        }
        return changes;
    }

    /** The Pact dossier with the Asylum Procedure Regulation and the border-procedures recommendation at {@code status}. */
    static List<DossierEvent> borderProceduresAt(RecommendationStatus status) {
        List<DossierEvent> events = new ArrayList<>(List.of(pactOpened(), aprAdded(), borderProceduresDrafted()));
        events.addAll(statusPath(BORDER_PROCEDURES, status));
        return events;
    }

    static List<DossierEvent> concat(List<? extends DossierEvent> first, DossierEvent... more) {
        List<DossierEvent> events = new ArrayList<>(first);
        events.addAll(List.of(more));
        return events;
    }

    /** Malformed input: HTTP 400 naming {@code field}. */
    static Matcher<RuleViolation> invalid(String field, String code) {
        return violation(Kind.INVALID_INPUT, field, code);
    }

    /** Well-formed input the state does not allow: HTTP 422, naming {@code field}. */
    static Matcher<RuleViolation> conflict(String field, String code) {
        return violation(Kind.CONFLICTS_WITH_STATE, field, code);
    }

    /** Well-formed input the state as a whole does not allow (no field at fault). */
    static Matcher<RuleViolation> conflict(String code) {
        return violation(Kind.CONFLICTS_WITH_STATE, null, code);
    }

    static Matcher<RuleViolation> violation(Kind kind, String field, String code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
                mismatch.appendText("was a ").appendValue(violation.kind()).appendText(" violation ").appendValue(violation.code())
                        .appendText(" on field ").appendValue(violation.field()).appendText(": ").appendText(violation.getMessage());
                return violation.kind() == kind && Objects.equals(violation.code(), code) && Objects.equals(violation.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendValue(kind).appendText(" violation ").appendValue(code).appendText(" on field ")
                        .appendValue(field);
            }
        };
    }
}
