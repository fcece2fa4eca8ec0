package org.icm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the benchmark reads from policy-service's metrics that its event processors caught up. */
class ProcessorLagTest {

    private static final String HEADER = """
            # HELP icm_event_processor_lag events in the store this processor's segment has not handled yet
            # TYPE icm_event_processor_lag gauge
            """;

    @Test
    void caughtUpWhenNoSegmentLagsAndTheCatalogueIsThere() {
        assertThat(PolicyWriteBenchmark.caughtUp(HEADER + """
                icm_event_processor_lag{application="policy-service",processor="dossier-catalogue",segment="0"} 0.0
                icm_event_processor_lag{application="policy-service",processor="integration-event-publisher",segment="0"} 0.0
                icm_event_processor_lag{application="policy-service",processor="integration-event-publisher",segment="1"} NaN
                jvm_threads_live_threads{application="policy-service"} 42.0
                """)).isTrue();
    }

    @Test
    void notWhileASegmentLags() {
        assertThat(PolicyWriteBenchmark.caughtUp(HEADER + """
                icm_event_processor_lag{processor="dossier-catalogue",segment="0"} 0.0
                icm_event_processor_lag{processor="integration-event-publisher",segment="0"} 3.0
                """)).isFalse();
    }

    @Test
    void notBeforeTheCatalogueIsMeasured() {
        assertThat(PolicyWriteBenchmark.caughtUp(HEADER + """
                icm_event_processor_lag{processor="integration-event-publisher",segment="0"} 0.0
                """)).isFalse();
        assertThat(PolicyWriteBenchmark.caughtUp("")).isFalse();
    }
}
