package org.icm.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.icm.web.pages.Policy;
import org.junit.jupiter.api.Test;

class StageChartTest {

    @Test
    void stepsArePlacedByDateAcrossTheWidthAndLaterStagesHigher() {
        Policy.Measure measure = new Policy.Measure("m1", "Screening Regulation", "REGULATION", null, null, null, null, "ADOPTED", null,
                List.of(step("PROPOSAL_ADOPTED", LocalDate.of(2020, 9, 23)), step("ADOPTED", LocalDate.of(2024, 5, 14)),
                        step("TRILOGUE", LocalDate.of(2023, 3, 1))),
                null, null, null);

        StageChart chart = StageChart.of(List.of(measure));

        List<StageChart.Point> points = chart.rows().getFirst().points();
        assertThat(points).extracting(StageChart.Point::stage).containsExactly("PROPOSAL_ADOPTED", "TRILOGUE", "ADOPTED");
        assertThat(points.getFirst().x()).isEqualTo(StageChart.LEFT);
        assertThat(points.getLast().x()).isEqualTo(StageChart.WIDTH - StageChart.LEFT);
        assertThat(points.get(1).y()).isLessThan(points.getFirst().y());
        assertThat(points.get(2).y()).isLessThan(points.get(1).y());
        assertThat(chart.ticks()).extracting(StageChart.Tick::year).containsExactly(2021, 2022, 2023, 2024);
    }

    @Test
    void noStepsNoChart() {
        assertThat(StageChart.of(List.of()).rows()).isEmpty();
    }

    private static Policy.Step step(String stage, LocalDate date) {
        return new Policy.Step(stage + date, stage, date, null, null, null);
    }
}
