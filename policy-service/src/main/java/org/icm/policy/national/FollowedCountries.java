package org.icm.policy.national;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.icm.kernel.identity.IcmClaims;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.Country;
import org.icm.kernel.vocabulary.MemberStates;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The countries whose national implementation the network follows, and who may record facts about one of them.
 *
 * @param associatedStates states beyond the EU-27 a deployment follows (Norway, Switzerland, ...), ISO alpha-2 codes
 */
@ConfigurationProperties("icm.policy")
public record FollowedCountries(List<String> associatedStates) {

    public FollowedCountries {
        associatedStates = associatedStates == null ? List.of() : associatedStates.stream().map(code -> code.toUpperCase(Locale.ROOT)).toList();
        associatedStates.forEach(Country::new); // a misspelt code stops the start, not a request later
    }

    /** The EU-27 in the order of their codes, then the associated states. */
    public List<String> all() {
        List<String> all = new ArrayList<>(MemberStates.EU27.stream().sorted().toList());
        associatedStates.stream().filter(code -> !all.contains(code)).forEach(all::add);
        return List.copyOf(all);
    }

    public boolean follows(String country) {
        return country != null && all().contains(country);
    }

    /** The country of a write, checked: a followed country's code, else a 400 naming the field. */
    public String checked(String country) {
        if (!follows(country)) {
            throw RuleViolation.invalid("country", "country-not-followed", "'" + country
                    + "' is not a country whose national implementation the network follows (the EU-27, ISO codes such as GR"
                    + (associatedStates.isEmpty() ? "" : ", and " + String.join(", ", associatedStates)) + ")");
        }
        return country;
    }

    /**
     * Focal points record national facts everywhere; a member organisation for the countries it works in (its profile's
     * countries, which its members' access tokens carry in the {@code countries} claim), and nowhere else.
     */
    public void checkMayRecord(Actor actor, Jwt token, String country) {
        if (actor.has(Role.FOCAL_POINT)) {
            return;
        }
        List<String> countries = token.getClaimAsStringList(IcmClaims.COUNTRIES);
        if (actor.has(Role.PARTICIPANT) && countries != null && countries.contains(country)) {
            return;
        }
        throw RuleViolation.notAllowed("not-your-country", "Your organisation records national implementation for the countries it works in ("
                + (countries == null || countries.isEmpty() ? "none in its profile" : String.join(", ", countries)) + "), not for "
                + country + "; a focal point can record it.");
    }
}
