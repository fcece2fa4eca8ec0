package org.icm.membership.organisation;

import static org.icm.service.rules.Inputs.optionalText;
import static org.icm.service.rules.Inputs.optionalWebAddress;
import static org.icm.service.rules.Inputs.required;
import static org.icm.service.rules.Inputs.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.icm.kernel.vocabulary.Country;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.service.rules.FieldChecks;
import org.icm.service.rules.RuleViolation;

/** Checks of single values that commands carry, each naming the field it checks. */
public final class Checks {

    public static final int NAME_MAX = 200;
    public static final int ACRONYM_MAX = 30;
    public static final int TAG_MAX = 100;
    public static final int TAGS_MAX = 30;
    public static final int TEXT_MAX = 2_000;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 50;
    public static final int WEBSITE_MAX = 500;
    // deliberately loose: one @, something before, a dot after; the invitation proves the address works
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Checks() {
    }

    /** An e-mail address, trimmed and lower-cased; refused, naming the field, when it is none. */
    public static String email(String field, String value) {
        String email = text(field, value, EMAIL_MAX);
        if (!EMAIL.matcher(email).matches()) {
            throw RuleViolation.invalid(field, "malformed-email", "'" + email + "' is not an e-mail address");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /**
     * A whole profile, normalised: trimmed texts, upper-case sorted countries, distinct tags in the order given. A
     * refusal names every bad field of it at once.
     */
    static Profile profile(Profile profile) {
        required("profile", profile);
        FieldChecks checks = new FieldChecks();
        String name = checks.check(() -> text("name", profile.name(), NAME_MAX));
        String acronym = checks.check(() -> optionalText("acronym", profile.acronym(), ACRONYM_MAX));
        var kind = checks.check(() -> required("kind", profile.kind()));
        OrganisationScope scope = checks.check(() -> required("scope", profile.scope()));
        List<String> countries = checks.check(() -> countries(profile.countries()));
        if (scope == OrganisationScope.NATIONAL && countries != null && countries.isEmpty()) {
            checks.refuse(RuleViolation.invalid("countries", "national-needs-country", "a national organisation names the country it works in"));
        }
        var focus = checks.check(() -> required("focus", profile.focus()));
        List<String> expertise = checks.check(() -> tags("expertise", profile.expertise()));
        List<String> advocacyTargets = checks.check(() -> tags("advocacyTargets", profile.advocacyTargets()));
        String website = checks.check(() -> website(profile.website()));
        Profile.Contact contact = checks.check(() -> required("contact", profile.contact()));
        Profile.Contact checkedContact = contact == null ? null : new Profile.Contact(
                checks.check(() -> text("contact.name", contact.name(), NAME_MAX)),
                checks.check(() -> email("contact.email", contact.email())),
                checks.check(() -> optionalText("contact.phone", contact.phone(), PHONE_MAX)));
        checks.done();
        return new Profile(name, acronym, kind, scope, countries, focus, expertise, advocacyTargets, website, checkedContact);
    }

    private static String website(String value) {
        return optionalWebAddress("website", value, WEBSITE_MAX);
    }

    static List<String> countries(List<String> codes) {
        List<String> countries = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            String upper = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
            if (!Country.isValid(upper)) {
                throw RuleViolation.invalid("countries", "unknown-country", "'" + code + "' is not an ISO 3166-1 alpha-2 country code such as AT or ES");
            }
            if (!countries.contains(upper)) {
                countries.add(upper);
            }
        }
        countries.sort(null);
        return countries;
    }

    static List<String> tags(String field, List<String> values) {
        List<String> tags = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String tag = text(field, value, TAG_MAX);
            if (tags.stream().noneMatch(tag::equalsIgnoreCase)) {
                tags.add(tag);
            }
        }
        if (tags.size() > TAGS_MAX) {
            throw RuleViolation.invalid(field, "too-many", field + " holds at most " + TAGS_MAX + " entries");
        }
        return tags;
    }
}
