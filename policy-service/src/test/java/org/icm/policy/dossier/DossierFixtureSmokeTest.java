package org.icm.policy.dossier;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierCommand.RecordProcedureStep;
import org.icm.policy.dossier.DossierEvent.DossierOpened;
import org.icm.policy.dossier.DossierEvent.MeasureAdded;
import org.icm.policy.dossier.DossierEvent.ProcedureStepRecorded;
import org.junit.jupiter.api.Test;

class DossierFixtureSmokeTest {

    final AggregateTestFixture<Dossier> fixture = new AggregateTestFixture<>(Dossier.class);

    @Test
    void recordsAStep() {
        fixture.given(new DossierOpened("d", "Pact", PolicyArea.ASYLUM, null, "org"),
                        new MeasureAdded("d", "m", "Asylum Procedure Regulation", MeasureType.REGULATION, "2016/0224(COD)", null, null, null))
                .when(new RecordProcedureStep("d", null, "m", "s1", ProcedureStage.TRILOGUE, LocalDate.of(2023, 1, 1), null, null,
                        LocalDate.of(2024, 1, 1)))
                .expectEvents(new ProcedureStepRecorded("d", "m", "s1", ProcedureStage.TRILOGUE, LocalDate.of(2023, 1, 1), null, null))
                .expectResultMessagePayload(2L);
    }
}
