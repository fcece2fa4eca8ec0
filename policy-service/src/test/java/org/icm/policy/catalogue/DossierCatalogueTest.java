package org.icm.policy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierEvent.DossierEdited;
import org.icm.policy.dossier.DossierEvent.DossierOpened;
import org.icm.policy.dossier.DossierEvent.DossierPublished;
import org.icm.policy.dossier.Vocabulary.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The catalogue's writes on the real MongoDB wire: a batch is written once, at its last event, with every event of
 * the batch in it; two instances that take turns with a dossier (a segment that moved away and back) lose nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierCatalogueTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    ObjectMapper json;

    final String dossierId = UUID.randomUUID().toString();
    final Instant at = Instant.parse("2026-12-08T10:00:00Z");

    @Test
    void aBatchIsWrittenOnceAtItsLastEventWithAllOfItsEvents() {
        DossierCatalogue catalogue = new DossierCatalogue(mongo, json, 100);
        List<EventMessage<?>> batch = List.of(message(new DossierOpened(dossierId, "Return regulation", PolicyArea.RETURN, "Recast", "org-1")),
                message(new DossierEdited(dossierId, "Return Regulation (recast)", PolicyArea.RETURN, "Recast of 2008/115/EC")),
                message(new DossierPublished(dossierId)));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            if (!unitOfWork.isLastMessage()) {
                catalogue.on((DossierEvent) event.getPayload(), batch.indexOf(event), at);
                assertThat(catalogue.find(dossierId)).as("nothing written before the batch's last event").isEmpty();
            } else {
                catalogue.on((DossierEvent) event.getPayload(), batch.indexOf(event), at);
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);

        DossierView stored = catalogue.find(dossierId).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.state().title()).isEqualTo("Return Regulation (recast)");
        assertThat(stored.state().visibility()).isEqualTo(Visibility.PUBLISHED);
    }

    @Test
    void anInstanceWhoseStateWasOvertakenFailsTheEventAndTheRetryLosesNothing() {
        DossierCatalogue first = new DossierCatalogue(mongo, json, 100);
        DossierCatalogue second = new DossierCatalogue(mongo, json, 100);
        first.on(new DossierOpened(dossierId, "Return regulation", PolicyArea.RETURN, "Recast", "org-1"), 0, at);
        // the segment moves to the second instance, which records the title change, then comes back
        second.on(new DossierEdited(dossierId, "Return Regulation (recast)", PolicyArea.RETURN, "Recast"), 1, at);

        DossierPublished published = new DossierPublished(dossierId);
        assertThatThrownBy(() -> first.on(published, 2, at)).hasMessageContaining("written meanwhile by another instance");
        first.on(published, 2, at); // the processor's retry: the stored state is read again

        DossierView stored = first.find(dossierId).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.state().title()).as("the other instance's change is kept").isEqualTo("Return Regulation (recast)");
        assertThat(stored.state().visibility()).isEqualTo(Visibility.PUBLISHED);
    }

    @Test
    void anEventSeenAlreadyChangesNothing() {
        DossierCatalogue catalogue = new DossierCatalogue(mongo, json, 100);
        catalogue.on(new DossierOpened(dossierId, "Return regulation", PolicyArea.RETURN, "Recast", "org-1"), 0, at);
        catalogue.on(new DossierEdited(dossierId, "Return Regulation (recast)", PolicyArea.RETURN, "Recast"), 1, at);
        DossierCatalogue afterRestart = new DossierCatalogue(mongo, json, 100);

        afterRestart.on(new DossierEdited(dossierId, "Redelivered old title", PolicyArea.RETURN, "Recast"), 1, at);

        assertThat(afterRestart.find(dossierId).orElseThrow().state().title()).isEqualTo("Return Regulation (recast)");
    }

    private static EventMessage<?> message(DossierEvent event) {
        return GenericEventMessage.asEventMessage(event);
    }
}
