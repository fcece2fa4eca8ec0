package org.icm.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.icm.web.pages.Policy;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The history's changed fields read as what they are, in English and French, with the pages' own messages. */
class ChangedFieldLabelsTest {

    final ChangedFieldLabels labels = new ChangedFieldLabels(messages());
    final Policy.DossierDetail pact = new Policy.DossierDetail("pact", "Pact on Migration and Asylum", "ASYLUM", null, null, "PUBLISHED",
            "OPEN", List.of(new Policy.Measure("apr", "Asylum Procedure Regulation", "REGULATION", null, null, null, null, null, null,
            List.of(), null, null, null)), List.of(), List.of(new Policy.Recommendation("r1",
            "Exempt unaccompanied children from border procedures, in every member state and at every border", 2, List.of(), List.of(),
            "PUBLISHED", null, null, 0)), 7, null);

    @Test
    void aChangedFieldIsNamedByWhatItIs() {
        assertThat(labels.label("/recommendations/r1/text", pact, Locale.ENGLISH))
                .isEqualTo("Recommendation «Exempt unaccompanied children from border…»: text");
        assertThat(labels.label("/measures/apr/steps/0/effectiveDate", pact, Locale.ENGLISH))
                .isEqualTo("Measure «Asylum Procedure Regulation»: procedure step 1, effective date");
        assertThat(labels.label("/rights/UNCRC-3/rationale", pact, Locale.ENGLISH)).isEqualTo("Right at stake UNCRC-3: rationale");
        assertThat(labels.label("/title", pact, Locale.ENGLISH)).isEqualTo("title");
        assertThat(labels.label("/measures/gone/title", pact, Locale.ENGLISH)).as("a measure no longer there keeps its id")
                .isEqualTo("Measure «gone»: title");
        assertThat(labels.label("/somethingNew", pact, Locale.ENGLISH)).as("a field without a word yet").isEqualTo("something new");
    }

    @Test
    void inFrenchToo() {
        assertThat(labels.label("/recommendations/r1/text", pact, Locale.FRENCH))
                .isEqualTo("Recommandation « Exempt unaccompanied children from border… »: texte");
        assertThat(labels.label("/measures/apr/transpositionDeadline", pact, Locale.FRENCH))
                .isEqualTo("Mesure « Asylum Procedure Regulation »: délai de transposition");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
