package org.icm.kernel.vocabulary;

import java.util.List;

/**
 * The member states of the European Union, whose national implementation of EU law the network follows, as ISO
 * 3166-1 alpha-2 codes (Greece is {@code GR}, not the EU's own "EL"). States associated by agreement (Norway,
 * Switzerland, ...) are followed where a deployment configures them ({@code icm.policy.associated-states}).
 */
public final class MemberStates {

    public static final List<String> EU27 = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private MemberStates() {
    }
}
