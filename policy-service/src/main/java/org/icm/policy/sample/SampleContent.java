package org.icm.policy.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.policy.dossier.DossierCommand;
import org.icm.policy.dossier.DossierCommand.AddMeasure;
import org.icm.policy.dossier.DossierCommand.DeclareTransposition;
import org.icm.policy.dossier.DossierCommand.DraftRecommendation;
import org.icm.policy.dossier.DossierCommand.OpenDossier;
import org.icm.policy.dossier.DossierCommand.PublishDossier;
import org.icm.policy.dossier.DossierCommand.RecordNationalMeasure;
import org.icm.policy.dossier.DossierCommand.RecordProcedureStep;
import org.icm.policy.dossier.DossierCommand.ReviseRecommendation;
import org.icm.policy.dossier.DossierCommand.SetMeasureKeyDates;
import org.icm.policy.dossier.DossierCommand.TagRight;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Loads the sample EU dossiers ({@code sample/eu-dossiers.json}: real procedures, references and dates)
 * through the same commands a focal point sends, so they carry the same rules and the same history.
 * Ids are derived from the sample's keys, so loading twice skips what is there. National implementation comes from
 * {@code sample/national-implementation.json}: fictional facts about a real measure, each saying it is fictional.
 */
@Component
public class SampleContent {

    private final CommandGateway commands;
    private final ObjectMapper json;

    public SampleContent(CommandGateway commands, ObjectMapper json) {
        this.commands = commands;
        this.json = json;
    }

    /** What a load did: dossier titles loaded now, and those already there. */
    public record Result(List<String> loaded, List<String> skipped) {
    }

    record SampleFile(List<SampleDossier> dossiers) {
    }

    record SampleDossier(String key, String title, PolicyArea policyArea, String summary, List<SampleRight> rightsAtStake,
                         List<SampleMeasure> measures, List<SampleRecommendation> recommendations) {
    }

    record SampleRight(String code, String rationale) {
    }

    record SampleMeasure(String procedureReference, String title, MeasureType type, String comReference, String celexNumber,
                         String finalAct, List<SampleStage> stages, LocalDate entryIntoForce, LocalDate application,
                         LocalDate transpositionDeadline) {
    }

    record SampleStage(ProcedureStage stage, LocalDate date, String note) {
    }

    record SampleRecommendation(Set<Addressee> addressees, List<String> revisions, List<String> linkedMeasures) {
    }

    /** Fictional national facts for a sample measure, found by its dossier's key and procedure reference. */
    record NationalFile(String about, List<SampleNational> facts) {
    }

    record SampleNational(String dossier, String procedureReference, String country, List<SampleNationalMeasure> nationalMeasures,
                          List<SampleDeclaration> declarations) {
    }

    record SampleNationalMeasure(NationalMeasureKind kind, String title, String reference, LocalDate adoptedOn, String link) {
    }

    record SampleDeclaration(TranspositionStatus status, LocalDate effectiveDate, String source) {
    }

    public Result load(Actor actor, LocalDate today) {
        List<String> loaded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SampleDossier dossier : read().dossiers()) {
            String dossierId = id(dossier.key());
            try {
                send(new OpenDossier(dossierId, dossier.title(), dossier.policyArea(), dossier.summary(), actor.organisation().toString()), actor);
            } catch (AggregateStreamCreationException alreadyThere) {
                skipped.add(dossier.title());
                continue;
            }
            for (SampleRight right : list(dossier.rightsAtStake())) {
                send(new TagRight(dossierId, null, right.code(), right.rationale()), actor);
            }
            Map<String, String> measureIds = new HashMap<>();
            List<SampleMeasure> measures = list(dossier.measures());
            for (int m = 0; m < measures.size(); m++) {
                SampleMeasure measure = measures.get(m);
                String measureId = id(dossier.key() + "/measure/" + m);
                if (measure.procedureReference() != null) {
                    measureIds.put(measure.procedureReference(), measureId);
                }
                send(new AddMeasure(dossierId, null, measureId, measure.title(), measure.type(), measure.procedureReference(),
                        measure.comReference(), measure.celexNumber(), measure.finalAct()), actor);
                List<SampleStage> stages = list(measure.stages());
                for (int s = 0; s < stages.size(); s++) {
                    SampleStage stage = stages.get(s);
                    send(new RecordProcedureStep(dossierId, null, measureId, id(dossier.key() + "/measure/" + m + "/step/" + s), stage.stage(),
                            stage.date(), stage.note(), null, today), actor);
                }
                if (measure.entryIntoForce() != null || measure.application() != null || measure.transpositionDeadline() != null) {
                    send(new SetMeasureKeyDates(dossierId, null, measureId, measure.entryIntoForce(), measure.application(),
                            measure.transpositionDeadline()), actor);
                }
            }
            loadNational(dossier.key(), dossierId, measureIds, actor, today);
            List<SampleRecommendation> recommendations = list(dossier.recommendations());
            for (int r = 0; r < recommendations.size(); r++) {
                SampleRecommendation recommendation = recommendations.get(r);
                String recommendationId = id(dossier.key() + "/recommendation/" + r);
                List<String> linked = list(recommendation.linkedMeasures()).stream().map(measureIds::get).filter(java.util.Objects::nonNull).toList();
                send(new DraftRecommendation(dossierId, null, recommendationId, recommendation.revisions().getFirst(),
                        recommendation.addressees(), linked), actor);
                for (String revision : recommendation.revisions().subList(1, recommendation.revisions().size())) {
                    send(new ReviseRecommendation(dossierId, null, recommendationId, revision), actor);
                }
            }
            send(new PublishDossier(dossierId, null), actor);
            loaded.add(dossier.title());
        }
        return new Result(loaded, skipped);
    }

    private void loadNational(String dossierKey, String dossierId, Map<String, String> measureIds, Actor actor, LocalDate today) {
        String organisation = actor.organisation().toString();
        for (SampleNational national : read("/sample/national-implementation.json", NationalFile.class).facts()) {
            String measureId = measureIds.get(national.procedureReference());
            if (!national.dossier().equals(dossierKey) || measureId == null) {
                continue;
            }
            String key = dossierKey + "/" + national.procedureReference() + "/" + national.country();
            List<SampleNationalMeasure> measures = list(national.nationalMeasures());
            for (int n = 0; n < measures.size(); n++) {
                SampleNationalMeasure measure = measures.get(n);
                send(new RecordNationalMeasure(dossierId, null, measureId, national.country(), id(key + "/national-measure/" + n), measure.kind(),
                        measure.title(), measure.reference(), measure.adoptedOn(), measure.link(), organisation, today), actor);
            }
            for (SampleDeclaration declaration : list(national.declarations())) {
                send(new DeclareTransposition(dossierId, null, measureId, national.country(), declaration.status(), declaration.effectiveDate(),
                        declaration.source(), organisation, today), actor);
            }
        }
    }

    private void send(DossierCommand command, Actor actor) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(actor, "sample content")));
    }

    private SampleFile read() {
        return read("/sample/eu-dossiers.json", SampleFile.class);
    }

    private <T> T read(String resource, Class<T> type) {
        try (InputStream in = SampleContent.class.getResourceAsStream(resource)) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample content " + resource, e);
        }
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("icm-sample:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
