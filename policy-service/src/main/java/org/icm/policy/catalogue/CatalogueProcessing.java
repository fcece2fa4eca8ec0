package org.icm.policy.catalogue;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue's processor fails a batch whose write failed instead of logging and moving on: Axon's default
 * ({@code LoggingErrorHandler}) would store the token past events the catalogue never wrote, a lost update that no
 * later event repairs. With the propagating handlers the batch rolls back with its token where it was, and the
 * processor retries it (with a growing pause) until the write succeeds: the MongoDB server back, or the stale state
 * {@link DossierCatalogue} caught read again.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueProcessing {

    @Bean
    ConfigurerModule catalogueFailsItsBatch() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(DossierCatalogue.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(DossierCatalogue.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
