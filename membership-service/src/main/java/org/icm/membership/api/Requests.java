package org.icm.membership.api;

import java.util.List;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.organisation.Profile;

/** Request bodies; the aggregate checks every value and names the field it refuses. */
final class Requests {

    private Requests() {
    }

    record ContactFields(String name, String email, String phone) {
    }

    record ProfileFields(String name, String acronym, OrganisationKind kind, OrganisationScope scope, List<String> countries,
                         OrganisationFocus focus, List<String> expertise, List<String> advocacyTargets, String website,
                         ContactFields contact) {

        Profile profile() {
            return new Profile(name, acronym, kind, scope, countries, focus, expertise, advocacyTargets, website,
                    contact == null ? null : new Profile.Contact(contact.name(), contact.email(), contact.phone()));
        }
    }

    record Reason(String reason) {
    }

    /** {@code language}: the invitation mail's, en or fr; without it, French for an organisation in a French-speaking country only. */
    record Invitation(String email, String displayName, Boolean analyst, String language) {
    }

    record Resending(String language) {
    }

    /** {@code language}: the page's, en or fr; the person's mails are written in it (without it, as for invitation mails). */
    record Acceptance(String password, String language) {
    }

    /** A person confirms the erasure of their own data with their password (they sign in again, in effect). */
    record OwnErasure(String password) {
    }

    record AnalystRole(Boolean analyst) {
    }
}
