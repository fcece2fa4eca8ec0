package org.icm.web.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void theFirstWantedLanguageThePagesSpeakWins() {
        assertThat(Languages.supported(List.of(Locale.forLanguageTag("fr-BE"), Locale.ENGLISH))).isEqualTo(Locale.FRENCH);
        assertThat(Languages.supported(List.of(Locale.GERMAN, Locale.forLanguageTag("fr-CA")))).isEqualTo(Locale.FRENCH);
        assertThat(Languages.supported(List.of(Locale.forLanguageTag("en-GB"), Locale.FRENCH))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void englishWhenNoneIsSpoken() {
        assertThat(Languages.supported(List.of(Locale.GERMAN, Locale.ITALIAN))).isEqualTo(Locale.ENGLISH);
    }
}
