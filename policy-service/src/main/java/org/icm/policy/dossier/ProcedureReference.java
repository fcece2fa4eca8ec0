package org.icm.policy.dossier;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.service.rules.RuleViolation;

/**
 * An EU procedure reference in the Legislative Observatory form {@code YYYY/NNNN(TYPE)}, e.g.
 * {@code 2016/0224(COD)}: the year the procedure started, its number, and its type.
 */
public final class ProcedureReference {

    /** The procedure types of the Legislative Observatory. */
    static final Set<String> TYPES = Set.of(
            "COD", "CNS", "APP", "NLE", "INI", "INL", "BUD", "DEC", "DCE", "RSP", "RSO", "ACI", "AVC", "IMM", "REG", "RPS", "SYN", "COS");

    private static final Pattern FORM = Pattern.compile("(\\d{4})/(\\d{4})\\(([A-Z]{3})\\)");

    private ProcedureReference() {
    }

    /** Checks the form; null or blank means "no procedure" (non-legislative acts often have none). */
    static String check(String field, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        Matcher matcher = FORM.matcher(reference.strip());
        if (!matcher.matches()) {
            throw RuleViolation.invalid(field, "malformed-procedure-reference",
                    "'" + reference + "' is not a procedure reference of the form YYYY/NNNN(TYPE), e.g. 2016/0224(COD)");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1950) {
            throw RuleViolation.invalid(field, "malformed-procedure-reference", "'" + reference + "' names a year before the EU procedures began");
        }
        if (!TYPES.contains(matcher.group(3))) {
            throw RuleViolation.invalid(field, "malformed-procedure-reference",
                    "'" + matcher.group(3) + "' is not a procedure type; known: " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        return reference.strip();
    }
}
