package org.icm.service.rules;

import java.text.Normalizer;

/**
 * The checks every command's input goes through in every service: required values, and the one input policy for text a
 * person writes. A text is trimmed and put in Unicode normal form C (so "é" typed two ways is one text), has a maximum
 * length, and holds no control character (a single-line field not even a line break; a multi-line one, {@link #paragraphs},
 * line breaks and tabs only, CR LF becoming LF) and no bidirectional override or isolate (which make a text display
 * other than it reads: "Trojan Source"). Each refusal is a {@link RuleViolation} naming the field, so the caller gets a
 * 400 that says which and why. Checks that speak a service's own language (procedure references, countries, time zones)
 * stay in that service.
 */
public final class Inputs {

    private Inputs() {
    }

    /** A single-line text, normalised; refused when blank, longer than {@code maxLength}, or holding a character it may not. */
    public static String text(String field, String value, int maxLength) {
        return checked(field, value, maxLength, false);
    }

    /** As {@link #text}, but a blank or missing text is null. */
    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    /** A text of several lines (a summary, a recommendation, a reason): line breaks and tabs are allowed. */
    public static String paragraphs(String field, String value, int maxLength) {
        return checked(field, value, maxLength, true);
    }

    /** As {@link #paragraphs}, but a blank or missing text is null. */
    public static String optionalParagraphs(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : paragraphs(field, value, maxLength);
    }

    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile("https?://[^\\s/$.?#][^\\s]*",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A web address a reader may follow (a website, the link to a published text): http or https only, so no
     * {@code javascript:} link ever reaches a page; a blank or missing one is null. The code of a refusal is
     * {@code malformed-<field>}.
     */
    public static String optionalWebAddress(String field, String value, int maxLength) {
        String address = optionalText(field, value, maxLength);
        if (address != null && !WEB_ADDRESS.matcher(address).matches()) {
            throw RuleViolation.invalid(field, "malformed-" + field, "'" + address + "' is not a web address starting with http:// or https://");
        }
        return address;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw RuleViolation.invalid(field, "required", field + " is required");
        }
        return value;
    }

    /** The entries of a list, without repeats, in the order given; none when it is missing; refused when one is empty (null). */
    public static <T> java.util.List<T> distinctEntries(String field, java.util.List<T> values) {
        if (values == null) {
            return java.util.List.of();
        }
        // not values.contains(null): an immutable list throws on the question itself
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw RuleViolation.invalid(field, "empty-entry", field + " holds an empty entry");
        }
        return java.util.List.copyOf(new java.util.LinkedHashSet<>(values));
    }

    private static String checked(String field, String value, int maxLength, boolean multiLine) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "required", field + " must not be blank");
        }
        String text = Normalizer.normalize(multiLine ? value.replace("\r\n", "\n") : value, Normalizer.Form.NFC).strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw RuleViolation.invalid(field, "malformed-text", field + " is not well-formed Unicode text");
            }
            if (isControl(c) && !(multiLine && (c == '\n' || c == '\t'))) {
                throw RuleViolation.invalid(field, "control-character", field + " holds a control character (U+%04X)".formatted((int) c)
                        + (multiLine ? "" : "; it is one line of text"));
            }
            if (isBidiControl(c)) {
                throw RuleViolation.invalid(field, "bidi-control", field + " holds a bidirectional control character (U+%04X), which makes a text display other than it reads".formatted((int) c));
            }
        }
        if (text.length() > maxLength) {
            throw RuleViolation.invalid(field, "too-long", field + " must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** C0 and C1 control characters, DEL included. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** Embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069). */
    private static boolean isBidiControl(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
