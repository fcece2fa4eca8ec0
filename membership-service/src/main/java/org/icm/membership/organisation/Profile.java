package org.icm.membership.organisation;

import java.util.List;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalData.Kind;

/**
 * An organisation's profile: public, except the contact person (personal data, shown to signed-in members only).
 *
 * @param countries ISO 3166-1 alpha-2 codes, sorted
 */
public record Profile(@NotPersonal(NotPersonal.ORGANISATION_NAME) String name, String acronym, OrganisationKind kind, OrganisationScope scope, List<String> countries,
                      OrganisationFocus focus, List<String> expertise, List<String> advocacyTargets, String website,
                      Contact contact) {

    public Profile {
        countries = listOf(countries);
        expertise = listOf(expertise);
        advocacyTargets = listOf(advocacyTargets);
    }

    /** An unmodifiable copy that keeps a null entry as it came, for {@code Checks} to refuse by name (List.copyOf would throw). */
    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** The same profile with its contact person named {@code personId} (their data subject id); no contact, no change. */
    public Profile withContactPerson(String personId) {
        return contact == null ? this : new Profile(name, acronym, kind, scope, countries, focus, expertise, advocacyTargets, website,
                new Contact(contact.name(), contact.email(), contact.phone(), personId));
    }

    /**
     * The organisation's one contact person, a data subject of their own: {@code personId} names them in the key store
     * (given by the organisation when the contact person changes), so erasing a former contact leaves the current one.
     */
    public record Contact(@PersonalData(subject = "personId", kind = Kind.NAME) String name,
                          @PersonalData(subject = "personId", kind = Kind.EMAIL) String email,
                          @PersonalData(subject = "personId", kind = Kind.PHONE) String phone,
                          String personId) {

        public Contact(String name, String email, String phone) {
            this(name, email, phone, null);
        }

        /** Whether this is the same person as {@code other}, by address (the only thing that identifies them here). */
        boolean samePersonAs(Contact other) {
            return other != null && other.email() != null && other.email().equalsIgnoreCase(email);
        }
    }
}
