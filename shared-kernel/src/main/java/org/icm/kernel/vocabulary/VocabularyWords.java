package org.icm.kernel.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The words people read for the vocabularies' codes ({@code IN_APPLICATION} is "In application", "En application"),
 * in every language of the platform: {@code words.properties} beside this class, one file per language. The one
 * source for the web pages, the mails and the vocabulary API, so a code never reaches a reader.
 */
public final class VocabularyWords {

    /** The platform's languages, English first (the words a reader gets when their language is not among them). */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final Map<Class<?>, String> KEY_PREFIXES = Map.of(PolicyArea.class, "policyArea", ProcedureStage.class, "stage",
            MeasureType.class, "measureType", TranspositionStatus.class, "transposition", NationalMeasureKind.class, "nationalMeasure",
            InfringementStage.class, "infringement", Uptake.class, "uptake");

    private VocabularyWords() {
    }

    /** The word for a code in a language; English when the language is not one of the platform's. */
    public static String of(Enum<?> code, Locale locale) {
        String prefix = KEY_PREFIXES.get(code.getDeclaringClass());
        if (prefix == null) {
            throw new IllegalArgumentException("no words for " + code.getDeclaringClass().getSimpleName());
        }
        return bundle(locale).getString(prefix + "." + code.name());
    }

    /** The word for a code in each language of the platform: {@code {"en": "In application", "fr": "En application"}}. */
    public static Map<String, String> inEveryLanguage(Enum<?> code) {
        Map<String, String> words = new LinkedHashMap<>();
        LANGUAGES.forEach(language -> words.put(language.getLanguage(), of(code, language)));
        return words;
    }

    private static ResourceBundle bundle(Locale locale) {
        // no fallback to the machine's default locale: a reader outside the platform's languages reads English
        return ResourceBundle.getBundle("org.icm.kernel.vocabulary.words", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
