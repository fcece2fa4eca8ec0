package org.icm.kernel.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void theRightsCatalogueIsLoadedFromItsDataFile() {
        RightsCatalogue catalogue = RightsCatalogue.standard();

        assertThat(catalogue.all()).hasSize(28);
        assertThat(catalogue.find("UNCRC-18")).map(Right::title).hasValue("Parental responsibilities and state assistance");
        assertThat(catalogue.find("UNCRC-36")).map(Right::title).hasValue("Other forms of exploitation");
        assertThat(catalogue.find("UNCRC-3")).hasValueSatisfying(right -> {
            assertThat(right.instrument()).isEqualTo("UNCRC");
            assertThat(right.article()).isEqualTo("3");
            assertThat(right.title()).isEqualTo("Best interests of the child");
        });
        assertThat(catalogue.contains("CHARTER-24")).isTrue();
        assertThat(catalogue.contains("ECHR-8")).isTrue();
        assertThat(catalogue.contains("UNCRC-99")).isFalse();
        assertThat(catalogue.contains(null)).isFalse();
    }

    @Test
    void everyCodeOfAVocabularyHasItsWordInEveryLanguage() {
        for (Class<? extends Enum<?>> vocabulary : java.util.List.of(PolicyArea.class, ProcedureStage.class, MeasureType.class,
                TranspositionStatus.class, NationalMeasureKind.class, InfringementStage.class, Uptake.class)) {
            for (Enum<?> code : vocabulary.getEnumConstants()) {
                assertThat(VocabularyWords.inEveryLanguage(code)).as(code.name()).containsOnlyKeys("en", "fr")
                        .allSatisfy((language, word) -> assertThat(word).isNotBlank().isNotEqualTo(code.name()));
            }
        }
        assertThat(VocabularyWords.inEveryLanguage(ProcedureStage.IN_APPLICATION)).containsExactly(
                java.util.Map.entry("en", "In application"), java.util.Map.entry("fr", "En application"));
        assertThat(VocabularyWords.of(ProcedureStage.PROPOSAL_ADOPTED, java.util.Locale.GERMAN)).as("another language reads English")
                .isEqualTo("Proposal adopted");
    }

    @Test
    void countriesAreIsoAlpha2Codes() {
        assertThat(new Country("BE").name()).isEqualTo("Belgium");
        assertThat(Country.isValid("GR")).isTrue();
        assertThat(Country.isValid("EL")).isFalse();
        assertThat(Country.isValid("be")).isFalse();
        assertThatThrownBy(() -> new Country("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @Test
    void onlyWithdrawnAndLapsedAreExits() {
        assertThat(ProcedureStage.values())
                .filteredOn(ProcedureStage::isExit)
                .containsExactly(ProcedureStage.WITHDRAWN, ProcedureStage.LAPSED);
    }
}
