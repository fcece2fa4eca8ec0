package org.icm.notification.wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.kernel.vocabulary.VocabularyWords;
import org.icm.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Puts stories and the words around them (greetings, digest headings, footers) in a reader's language: the sentences
 * are in {@code sentences*.properties} beside this class, the words of stages, transposition statuses, infringement
 * steps, national measures' kinds and recommendations' uptake are the platform's own ({@link VocabularyWords}, as on every page), countries are
 * named and dates written the way the language does.
 */
@Component
public class Wording {

    /** {@code {name}} in a sentence: replaced once, so a title that holds braces is shown as it is. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /**
     * {@code [ ({reference})]} in a story's sentence: said only when the story has every fact the part names, for facts
     * that are optional (a national measure's reference) and would otherwise read "unknown".
     */
    private static final Pattern OPTIONAL_PART = Pattern.compile("\\[([^\\[\\]]*)]");

    private final ZoneId zone;

    public Wording(NotificationProperties properties) {
        this.zone = properties.zone();
    }

    /** The platform's language for a code ({@code fr}, {@code en}, null...): English unless it is one of the others. */
    public static Locale language(String code) {
        return VocabularyWords.LANGUAGES.stream().filter(language -> language.getLanguage().equals(code)).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** The story in one line, in the language. */
    public String line(Story story, Locale language) {
        Map<String, String> facts = story.facts();
        String sentence = withoutPartsOfMissingFacts(words(language).getString(story.key()), facts);
        return fill(sentence, name -> fact(name, facts.get(name), facts.get("timeZone"), language));
    }

    /** Words of the frame around stories ({@code mail.hello} ...), with their values put in as they are. */
    public String say(String key, Locale language, Map<String, String> values) {
        return fill(words(language).getString(key), name -> values.getOrDefault(name, ""));
    }

    public String say(String key, Locale language) {
        return say(key, language, Map.of());
    }

    private String fact(String name, String value, String timeZone, Locale language) {
        if (value == null) {
            return words(language).getString("fact.unknown");
        }
        if (name.endsWith("Stage")) {
            return VocabularyWords.of(ProcedureStage.valueOf(value), language);
        }
        if (name.equals("country") || name.endsWith("Country")) {
            return Locale.of("", value).getDisplayCountry(language);
        }
        if (name.equals("status") || name.endsWith("Status")) {
            return VocabularyWords.of(TranspositionStatus.valueOf(value), language);
        }
        if (name.endsWith("Step")) {
            return VocabularyWords.of(InfringementStage.valueOf(value), language);
        }
        if (name.endsWith("MeasureKind")) {
            return VocabularyWords.of(NationalMeasureKind.valueOf(value), language);
        }
        if (name.equals("uptake")) {
            return VocabularyWords.of(Uptake.valueOf(value), language);
        }
        if (name.endsWith("At")) {
            ZonedDateTime at = Instant.parse(value).atZone(zoneOr(timeZone));
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(dates(language)).format(at)
                    + " " + DateTimeFormatter.ofPattern("zzz", dates(language)).format(at);
        }
        if (name.endsWith("Date")) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dates(language)).format(LocalDate.parse(value));
        }
        return value;
    }

    private ZoneId zoneOr(String timeZone) {
        if (timeZone != null) {
            try {
                return ZoneId.of(timeZone);
            } catch (RuntimeException unknownZone) {
                // the platform's own zone still gives a correct time
            }
        }
        return zone;
    }

    /** English dates the European way (12 June 2026), as the network writes them. */
    private static Locale dates(Locale language) {
        return language.getLanguage().equals("en") ? Locale.UK : language;
    }

    private static String withoutPartsOfMissingFacts(String sentence, Map<String, String> facts) {
        Matcher part = OPTIONAL_PART.matcher(sentence);
        StringBuilder kept = new StringBuilder();
        while (part.find()) {
            Matcher named = PLACEHOLDER.matcher(part.group(1));
            boolean allKnown = true;
            while (named.find()) {
                allKnown &= facts.containsKey(named.group(1));
            }
            part.appendReplacement(kept, Matcher.quoteReplacement(allKnown ? part.group(1) : ""));
        }
        return part.appendTail(kept).toString();
    }

    private static String fill(String sentence, java.util.function.Function<String, String> value) {
        Matcher placeholder = PLACEHOLDER.matcher(sentence);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value.apply(placeholder.group(1))));
        }
        return placeholder.appendTail(filled).toString();
    }

    private static ResourceBundle words(Locale language) {
        // no fallback to the machine's default locale: a reader outside the platform's languages reads English
        return ResourceBundle.getBundle("org.icm.notification.wording.sentences", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
