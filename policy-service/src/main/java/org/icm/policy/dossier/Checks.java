package org.icm.policy.dossier;

import static org.icm.service.rules.Inputs.required;

import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Pattern;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.service.rules.RuleViolation;

/** Checks of single values that commands carry, each naming the field it checks. */
final class Checks {

    private static final Pattern COM_REFERENCE = Pattern.compile("COM\\(\\d{4}\\) ?\\d{1,4}( final)?");
    private static final Pattern CELEX_NUMBER = Pattern.compile("[0-9CE]\\d{4}[A-Z]{1,2}\\d{4}(\\(\\d{2}\\))?");

    private Checks() {
    }

    static <T extends Collection<?>> T notEmpty(String field, T values) {
        if (values == null || values.isEmpty()) {
            throw RuleViolation.invalid(field, "required", field + " must name at least one");
        }
        return values;
    }

    static String comReference(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!COM_REFERENCE.matcher(value.strip()).matches()) {
            throw RuleViolation.invalid(field, "malformed-com-reference", "'" + value + "' is not a COM number such as COM(2020)611");
        }
        return value.strip();
    }

    static String celexNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CELEX_NUMBER.matcher(value.strip()).matches()) {
            throw RuleViolation.invalid(field, "malformed-celex-number", "'" + value + "' is not a CELEX number such as 32024R1348");
        }
        return value.strip();
    }

    static String rightCode(String field, String code) {
        if (!RightsCatalogue.standard().contains(code)) {
            throw RuleViolation.invalid(field, "unknown-right", "'" + code + "' is not a right of the catalogue (e.g. UNCRC-3, CHARTER-24, ECHR-8)");
        }
        return code;
    }

    /**
     * A country whose national implementation is recorded: an ISO 3166-1 alpha-2 code (GR for Greece). Which countries a
     * deployment follows (the EU-27 and any associated state) is the API's to say; the dossier keeps any real country.
     */
    static String country(String field, String code) {
        if (!org.icm.kernel.vocabulary.Country.isValid(code)) {
            throw RuleViolation.invalid(field, "unknown-country", "'" + code + "' is not an ISO 3166-1 alpha-2 country code such as GR");
        }
        return code;
    }

    /** Effective dates are facts of the past: the EU step has happened, or it is not recorded yet. */
    static LocalDate notInFuture(String field, LocalDate date, LocalDate today) {
        required(field, date);
        if (date.isAfter(today)) {
            throw RuleViolation.invalid(field, "effective-date-in-future",
                    field + " " + date + " lies in the future (today is " + today + "); record a step once it has happened");
        }
        return date;
    }
}
