package org.icm.membership.organisation;

import java.util.List;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;

/**
 * An organisation's profile: public, except the contact person (personal data, shown to signed-in members only).
 *
 * @param countries ISO 3166-1 alpha-2 codes, sorted
 */
public record Profile(String name, String acronym, OrganisationKind kind, OrganisationScope scope, List<String> countries,
                      OrganisationFocus focus, List<String> expertise, List<String> advocacyTargets, String website,
                      Contact contact) {

    public Profile {
        countries = countries == null ? List.of() : List.copyOf(countries);
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        advocacyTargets = advocacyTargets == null ? List.of() : List.copyOf(advocacyTargets);
    }

    /** The organisation's one contact person. */
    public record Contact(String name, String email, String phone) {
    }
}
