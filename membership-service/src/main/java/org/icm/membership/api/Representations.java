package org.icm.membership.api;

import java.util.List;
import org.icm.kernel.vocabulary.Country;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.directory.OrganisationDirectory.Entry;
import org.icm.membership.organisation.OrganisationState;
import org.icm.membership.organisation.Profile;

/** What the API shows of an organisation: the public profile to everyone, the contact person to signed-in members. */
final class Representations {

    private Representations() {
    }

    record CountryName(String code, String name) {
    }

    record OrganisationView(String id, String name, String acronym, OrganisationKind kind, OrganisationScope scope,
                            List<CountryName> countries, OrganisationFocus focus, List<String> expertise, List<String> advocacyTargets,
                            String website, String status, String statusReason, boolean focalPoint, Profile.Contact contact, long version) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    static OrganisationView view(Entry entry, boolean member) {
        OrganisationState state = entry.state();
        Profile p = state.profile();
        return new OrganisationView(state.id(), p.name(), p.acronym(), p.kind(), p.scope(),
                p.countries().stream().map(code -> new CountryName(code, new Country(code).name())).toList(), p.focus(), p.expertise(),
                p.advocacyTargets(), p.website(), state.status().name(), member ? state.statusReason() : null, state.focalPoint(),
                member ? p.contact() : null, entry.version());
    }
}
