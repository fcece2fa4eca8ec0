package org.icm.web.analyst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.icm.web.pages.Policy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names a changed field of a dossier's history by what it is, in the reader's language, from the history's JSON pointer:
 * {@code /recommendations/68ce…/text} reads "Recommendation «Exempt unaccompanied children…»: text". Measures and
 * recommendations are named by their title or the start of their text as the dossier says them now; a part not known
 * (a measure removed since) keeps its id. Field names come from the messages ({@code history.field.<name>}).
 */
@Component
class ChangedFieldLabels {

    private static final int RECOMMENDATION_START = 50;

    private final MessageSource messages;

    ChangedFieldLabels(MessageSource messages) {
        this.messages = messages;
    }

    String label(String path, Policy.DossierDetail dossier, Locale locale) {
        List<String> segments = segments(path);
        if (segments.size() >= 2 && segments.get(0).equals("measures")) {
            String name = measures(dossier).stream().filter(m -> m.id().equals(segments.get(1))).map(Policy.Measure::title).findFirst()
                    .orElse(segments.get(1));
            return part("history.field.part.measure", name, segments.subList(2, segments.size()), locale);
        }
        if (segments.size() >= 2 && segments.get(0).equals("recommendations")) {
            String name = recommendations(dossier).stream().filter(r -> r.id().equals(segments.get(1))).map(r -> start(r.text())).findFirst()
                    .orElse(segments.get(1));
            return part("history.field.part.recommendation", name, segments.subList(2, segments.size()), locale);
        }
        if (segments.size() >= 2 && segments.get(0).equals("rights")) {
            return part("history.field.part.right", segments.get(1), segments.subList(2, segments.size()), locale);
        }
        return fields(segments, locale);
    }

    private String part(String key, String name, List<String> rest, Locale locale) {
        String whole = messages.getMessage(key, new Object[] {name}, locale);
        return rest.isEmpty() ? whole : whole + ": " + fields(rest, locale);
    }

    /** {@code steps/0/effectiveDate} reads "procedure step 1, effective date". */
    private String fields(List<String> segments, Locale locale) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty() && !words.isEmpty()) {
                words.set(words.size() - 1, words.getLast() + " " + (Integer.parseInt(segment) + 1));
            } else {
                words.add(messages.getMessage("history.field." + segment, null, spaced(segment), locale));
            }
        }
        return String.join(", ", words);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty())
                .map(segment -> segment.replace("~1", "/").replace("~0", "~")).toList();
    }

    /** "effectiveDate" reads "effective date" when the messages have no word for it. */
    private static String spaced(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The start of a recommendation's text, cut after a whole word. */
    private static String start(String text) {
        if (text == null || text.length() <= RECOMMENDATION_START) {
            return String.valueOf(text);
        }
        int end = text.lastIndexOf(' ', RECOMMENDATION_START);
        return text.substring(0, end > RECOMMENDATION_START / 2 ? end : RECOMMENDATION_START).strip() + "…";
    }

    private static List<Policy.Measure> measures(Policy.DossierDetail dossier) {
        return Optional.ofNullable(dossier.measures()).orElse(List.of());
    }

    private static List<Policy.Recommendation> recommendations(Policy.DossierDetail dossier) {
        return Optional.ofNullable(dossier.recommendations()).orElse(List.of());
    }
}
