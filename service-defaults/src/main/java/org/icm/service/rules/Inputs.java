package org.icm.service.rules;

/**
 * The checks every command's input goes through in every service: required values and texts with a maximum length.
 * Each refusal is a {@link RuleViolation} naming the field, so the caller gets a 400 that says which and why.
 * Checks that speak a service's own language (procedure references, countries, time zones) stay in that service.
 */
public final class Inputs {

    private Inputs() {
    }

    /** The text without surrounding blanks; refused when blank or longer than {@code maxLength}. */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "required", field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw RuleViolation.invalid(field, "too-long", field + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** As {@link #text}, but a blank or missing text is null. */
    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw RuleViolation.invalid(field, "required", field + " is required");
        }
        return value;
    }
}
