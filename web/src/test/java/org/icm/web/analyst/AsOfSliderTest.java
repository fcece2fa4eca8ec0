package org.icm.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "as of" slider's stops and the date-time picker's value for a stop. */
class AsOfSliderTest {

    static final List<Instant> INSTANTS = List.of(Instant.parse("2024-01-10T09:00:00Z"), Instant.parse("2024-03-01T12:30:00.250Z"),
            Instant.parse("2025-06-30T08:00:00.123456Z"));

    @Test
    void theStopShownIsTheLastOneAtOrBeforeTheChosenInstantAndTheNewestWhenNoneIsChosen() {
        assertThat(HistoryPages.Slider.of(INSTANTS, null).point()).isEqualTo(2);
        assertThat(HistoryPages.Slider.of(INSTANTS, Instant.parse("2024-03-01T12:30:00.250Z")).point()).isEqualTo(1);
        assertThat(HistoryPages.Slider.of(INSTANTS, Instant.parse("2025-01-01T00:00:00Z")).point()).isEqualTo(1);
        assertThat(HistoryPages.Slider.of(INSTANTS, Instant.parse("2020-01-01T00:00:00Z")).point()).isZero();
        assertThat(HistoryPages.Slider.of(INSTANTS, null).chosenText()).isEqualTo("2025-06-30T08:00:00.123456Z");
        assertThat(HistoryPages.Slider.of(INSTANTS.subList(0, 1), null).usable()).isFalse();
        assertThat(HistoryPages.Slider.of(INSTANTS, null).lines().split("\n")).hasSize(3);
    }

    @Test
    void thePickerHoldsMillisecondsRoundedUpSoTheStopStaysIncluded() {
        assertThat(HistoryPages.pickerValue(Instant.parse("2024-03-01T12:30:00.250Z"))).isEqualTo("2024-03-01T12:30:00.250");
        assertThat(HistoryPages.pickerValue(Instant.parse("2025-06-30T08:00:00.123456Z"))).isEqualTo("2025-06-30T08:00:00.124");
        assertThat(HistoryPages.instant(HistoryPages.pickerValue(Instant.parse("2025-06-30T08:00:00.123456Z"))))
                .isAfterOrEqualTo(Instant.parse("2025-06-30T08:00:00.123456Z"));
    }
}
