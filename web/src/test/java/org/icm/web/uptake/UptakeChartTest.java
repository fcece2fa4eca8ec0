package org.icm.web.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptakeChartTest {

    @Test
    void eachTextIsARowInTheTrailsOrderWithABarAsLongAsItsUptakeAndTheWordAfterIt() {
        UptakeChart chart = UptakeChart.of(List.of(step("s1", "PROPOSAL_ADOPTED", "NOT_REFLECTED"), step("s2", "EP_MANDATE", "REFLECTED"),
                step("s3", "PROVISIONAL_AGREEMENT", "PARTIALLY_REFLECTED"), step("s4", "ADOPTED", null)));

        assertThat(chart.rows()).extracting(UptakeChart.Row::stage).containsExactly("PROPOSAL_ADOPTED", "EP_MANDATE", "PROVISIONAL_AGREEMENT", "ADOPTED");
        assertThat(chart.rows()).extracting(UptakeChart.Row::bar)
                .containsExactly(UptakeChart.STUB, UptakeChart.BAR_MAX, UptakeChart.BAR_MAX / 2, 0);
        assertThat(chart.rows()).extracting(UptakeChart.Row::barClass)
                .containsExactly("bar-not-reflected", "bar-reflected", "bar-partially-reflected", "");
        assertThat(chart.rows().get(1).wordX()).as("the word just after the bar").isEqualTo(UptakeChart.BAR_X + UptakeChart.BAR_MAX + 8);
        assertThat(chart.rows().get(1).y()).isEqualTo(chart.rows().getFirst().y() + UptakeChart.ROW_HEIGHT);
        assertThat(chart.height()).isEqualTo(4 * UptakeChart.ROW_HEIGHT + 2 * UptakeChart.TOP);
        assertThat(chart.rows().getLast().wordX() + 120).as("the longest word fits").isLessThanOrEqualTo(chart.width());
    }

    @Test
    void aTrailWithoutTextsHasNoRows() {
        assertThat(UptakeChart.of(List.of()).rows()).isEmpty();
    }

    private static Uptakes.TrailStep step(String id, String stage, String uptake) {
        return new Uptakes.TrailStep("m1", "Asylum Procedure Regulation", id, stage, LocalDate.of(2024, 1, 1), null, uptake, null, null, null, null);
    }
}
