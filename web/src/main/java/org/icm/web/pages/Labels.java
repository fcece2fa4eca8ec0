package org.icm.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words and dates in the page's language: {@code ${@labels.of('stage', s)}} reads {@code stage.TRILOGUE} from the
 * messages, and falls back to the value in plain words, so a value a service adds later still reads well.
 */
@Component("labels")
public class Labels {

    /** Where ICM works: times the services give as instants are shown on Brussels time. */
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String group, Object value) {
        if (value == null) {
            return "";
        }
        String name = value.toString();
        return messages.getMessage(group + "." + name, null, plain(name), locale());
    }

    static String plain(String name) {
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A country's name in the page's language ({@code GR} is Greece, Grèce); the code itself when Java has no name for it. */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.of("", code).getDisplayCountry(locale());
        return name.isBlank() ? code : name;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    /** The day of an instant on Brussels time, as {@link #date(LocalDate)} says it. */
    public String day(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, BRUSSELS));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .format(instant.atZone(BRUSSELS));
    }

    public String dateTime(LocalDateTime local) {
        return local == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale()).format(local);
    }

    /** An instant as the history shows it: UTC, to the second, machine-readable in {@code <time datetime>}. */
    public String utc(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").format(instant.atZone(ZoneId.of("UTC")));
    }

    /** The value a {@code datetime-local} input takes for an instant (UTC, to the millisecond: the history's precision). */
    public String inputValue(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").format(instant.atZone(ZoneId.of("UTC")));
    }

    /** Just before an instant: the history's state before the change recorded at it (a change counts from its millisecond). */
    public String inputValueBefore(Instant instant) {
        return instant == null ? "" : inputValue(instant.minusMillis(1));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
