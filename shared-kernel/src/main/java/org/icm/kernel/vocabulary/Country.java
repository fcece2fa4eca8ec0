package org.icm.kernel.vocabulary;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A country as an ISO 3166-1 alpha-2 code. The list of valid codes is the JDK's own copy of the
 * standard ({@link Locale#getISOCountries(Locale.IsoCountryCode)}), so it is kept up to date with the JDK.
 */
public record Country(String code) {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public Country {
        Objects.requireNonNull(code, "country code");
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    /** The English short name, for people reading a list ("Belgium" for BE). */
    public String name() {
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return code;
    }
}
