package org.icm.policy.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.policy.dossier.DossierEvent.InfringementStepRecorded;
import org.icm.policy.dossier.DossierEvent.NationalEvent;
import org.icm.policy.dossier.DossierEvent.NationalMeasureCorrected;
import org.icm.policy.dossier.DossierEvent.NationalMeasureRecorded;
import org.icm.policy.dossier.DossierEvent.NationalNoteAdded;
import org.icm.policy.dossier.DossierEvent.TranspositionDeclared;

/**
 * One member state's implementation of one measure of a dossier, as its events made it: the declarations of its
 * transposition status, the national measures it adopted, the Commission's infringement steps against it and the
 * national members' notes. Lists keep the order things were recorded in; each fact keeps the organisation that
 * recorded it (the source readers see).
 *
 * <p>Why it lives in the {@link Dossier} aggregate and not in a service or aggregate of its own: what can be recorded
 * depends on the measure (a directive is transposed, a regulation implemented; the deadline is the measure's), and the
 * dossier's one stream of events is what analysts replay, so "as known at", "as valid at", the diff and the exports
 * cover national facts with no second history to merge. Writes per dossier stay rare (a few a day across the 27
 * states); the aggregate serialises them without lost updates.
 */
public record NationalImplementation(String country, List<Declaration> declarations, List<NationalMeasure> measures,
                                     List<InfringementStep> infringement, List<NationalNote> notes) {

    public static NationalImplementation none(String country) {
        return new NationalImplementation(country, List.of(), List.of(), List.of(), List.of());
    }

    /** A state's declaration of how far it transposed a directive, from {@code effectiveDate}, with where that is said. */
    public record Declaration(TranspositionStatus status, LocalDate effectiveDate, @NotPersonal(NotPersonal.NETWORK_RECORD) String source,
                              String organisationId) {
    }

    public record NationalMeasure(String id, NationalMeasureKind kind, @NotPersonal(NotPersonal.NETWORK_RECORD) String title,
                                  String reference, LocalDate adoptedOn, String link, String organisationId,
                                  @NotPersonal(NotPersonal.NETWORK_RECORD) String correctionReason) {
    }

    public record InfringementStep(String id, InfringementStage stage, String reference, LocalDate effectiveDate, String organisationId) {
    }

    public record NationalNote(String id, @NotPersonal(NotPersonal.NETWORK_RECORD) String text, String rightCode, String organisationId) {
    }

    /** The declaration in force: the one with the latest effective date (of two on one day, the later recorded). */
    public Optional<Declaration> declaration() {
        return declarations.stream().reduce((a, b) -> b.effectiveDate().isBefore(a.effectiveDate()) ? a : b);
    }

    /** The declared status; empty when nothing is recorded (which is not the same as a state declaring NOT_NOTIFIED). */
    public Optional<TranspositionStatus> status() {
        return declaration().map(Declaration::status);
    }

    /** The latest step of the infringement procedure, by date. */
    public Optional<InfringementStep> latestInfringementStep() {
        return infringement.stream().reduce((a, b) -> b.effectiveDate().isBefore(a.effectiveDate()) ? a : b);
    }

    public Optional<NationalMeasure> measure(String nationalMeasureId) {
        return measures.stream().filter(measure -> measure.id().equals(nationalMeasureId)).findFirst();
    }

    /** National measures by adoption date: the order a reader follows. */
    public List<NationalMeasure> measuresByDate() {
        List<NationalMeasure> ordered = new ArrayList<>(measures);
        ordered.sort(Comparator.comparing(NationalMeasure::adoptedOn));
        return List.copyOf(ordered);
    }

    /** What stood on a date: declarations, measures and steps effective on or before it; notes have no date and stay. */
    public NationalImplementation validAt(LocalDate date) {
        return new NationalImplementation(country,
                declarations.stream().filter(d -> !d.effectiveDate().isAfter(date)).toList(),
                measures.stream().filter(m -> !m.adoptedOn().isAfter(date)).toList(),
                infringement.stream().filter(s -> !s.effectiveDate().isAfter(date)).toList(),
                notes);
    }

    public boolean nothingRecorded() {
        return declarations.isEmpty() && measures.isEmpty() && infringement.isEmpty() && notes.isEmpty();
    }

    NationalImplementation apply(NationalEvent event) {
        return switch (event) {
            case NationalMeasureRecorded e -> new NationalImplementation(country, declarations, DossierState.append(measures,
                    new NationalMeasure(e.nationalMeasureId(), e.kind(), e.title(), e.reference(), e.adoptedOn(), e.link(), e.organisationId(),
                            null)), infringement, notes);
            case NationalMeasureCorrected e -> new NationalImplementation(country, declarations, measures.stream()
                    .map(m -> m.id().equals(e.nationalMeasureId())
                            ? new NationalMeasure(m.id(), e.kind(), e.title(), e.reference(), e.adoptedOn(), e.link(), e.organisationId(), e.reason())
                            : m)
                    .toList(), infringement, notes);
            case TranspositionDeclared e -> new NationalImplementation(country, DossierState.append(declarations,
                    new Declaration(e.status(), e.effectiveDate(), e.source(), e.organisationId())), measures, infringement, notes);
            case InfringementStepRecorded e -> new NationalImplementation(country, declarations, measures, DossierState.append(infringement,
                    new InfringementStep(e.stepId(), e.stage(), e.reference(), e.effectiveDate(), e.organisationId())), notes);
            case NationalNoteAdded e -> new NationalImplementation(country, declarations, measures, infringement, DossierState.append(notes,
                    new NationalNote(e.noteId(), e.text(), e.rightCode(), e.organisationId())));
        };
    }
}
