package org.icm.membership.api;

import static org.icm.membership.credentials.Invitations.PASSWORD_MAX;
import static org.icm.membership.organisation.Checks.ACRONYM_MAX;
import static org.icm.membership.organisation.Checks.EMAIL_MAX;
import static org.icm.membership.organisation.Checks.NAME_MAX;
import static org.icm.membership.organisation.Checks.PHONE_MAX;
import static org.icm.membership.organisation.Checks.TAGS_MAX;
import static org.icm.membership.organisation.Checks.TAG_MAX;
import static org.icm.membership.organisation.Checks.TEXT_MAX;
import static org.icm.membership.organisation.Checks.WEBSITE_MAX;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.organisation.Profile;

/** Request bodies; the aggregate checks every value and names the field it refuses. */
final class Requests {

    private Requests() {
    }

    record ContactFields(@Schema(maxLength = NAME_MAX) String name, @Schema(maxLength = EMAIL_MAX) String email,
                         @Schema(maxLength = PHONE_MAX) String phone) {
    }

    record ProfileFields(@Schema(maxLength = NAME_MAX) String name, @Schema(maxLength = ACRONYM_MAX) String acronym, OrganisationKind kind,
                         OrganisationScope scope, @ArraySchema(schema = @Schema(maxLength = 2, example = "AT")) List<String> countries,
                         OrganisationFocus focus, @ArraySchema(maxItems = TAGS_MAX, schema = @Schema(maxLength = TAG_MAX)) List<String> expertise,
                         @ArraySchema(maxItems = TAGS_MAX, schema = @Schema(maxLength = TAG_MAX)) List<String> advocacyTargets,
                         @Schema(maxLength = WEBSITE_MAX) String website, ContactFields contact) {

        Profile profile() {
            return new Profile(name, acronym, kind, scope, countries, focus, expertise, advocacyTargets, website,
                    contact == null ? null : new Profile.Contact(contact.name(), contact.email(), contact.phone()));
        }
    }

    record Reason(@Schema(maxLength = TEXT_MAX) String reason) {
    }

    /** {@code language}: the invitation mail's, en or fr; without it, French for an organisation in a French-speaking country only. */
    record Invitation(@Schema(maxLength = EMAIL_MAX) String email, @Schema(maxLength = NAME_MAX) String displayName, Boolean analyst,
                      @Schema(allowableValues = {"en", "fr"}) String language) {
    }

    record Resending(@Schema(allowableValues = {"en", "fr"}) String language) {
    }

    /** {@code language}: the page's, en or fr; the person's mails are written in it (without it, as for invitation mails). */
    record Acceptance(@Schema(maxLength = PASSWORD_MAX) String password, @Schema(allowableValues = {"en", "fr"}) String language) {
    }

    /** A person confirms the erasure of their own data with their password (they sign in again, in effect). */
    record OwnErasure(@Schema(maxLength = PASSWORD_MAX) String password) {
    }

    record AnalystRole(Boolean analyst) {
    }
}
