package org.icm.membership.firststart;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.organisation.Profile;

/** The sample organisations (classpath {@code sample/organisations.json}, from the shared sample data). */
record SampleOrganisations(List<Sample> organisations) {

    record Sample(String name, String acronym, OrganisationKind kind, OrganisationScope scope, List<String> countries,
                  OrganisationFocus focus, List<String> expertise, List<String> advocacyTargets, String website, Boolean focalPoint) {

        boolean isFocalPoint() {
            return Boolean.TRUE.equals(focalPoint);
        }

        /** The sample has no contact persons: a placeholder at a reserved .example address stands in. */
        Profile profile() {
            String handle = (acronym != null ? acronym : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            return new Profile(name, acronym, kind, scope, countries, focus, expertise, advocacyTargets, website,
                    new Profile.Contact("Contact person (sample data)", "contact@" + handle + ".example", null));
        }
    }

    static SampleOrganisations read(ObjectMapper json) {
        try (InputStream in = SampleOrganisations.class.getResourceAsStream("/sample/organisations.json")) {
            return json.readerFor(SampleOrganisations.class).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample organisations", e);
        }
    }
}
