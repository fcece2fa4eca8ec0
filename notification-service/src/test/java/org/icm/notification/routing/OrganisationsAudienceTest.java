package org.icm.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.icm.kernel.identity.Role;
import org.icm.notification.directory.Account;
import org.icm.notification.directory.Organisation;
import org.icm.notification.directory.Organisation.Standing;
import org.icm.notification.wording.Story;
import org.junit.jupiter.api.Test;

/**
 * An audience of organisations admits the staff of the organisations the happening names while they are members, and
 * nobody else: not another organisation's staff, not a focal point of another organisation, not the staff of a named
 * organisation suspended since; naming none, nobody. Audiences that name no organisations admit as before.
 */
class OrganisationsAudienceTest {

    private final Map<String, Organisation> organisations = Map.of(
            "org-endorsing", new Organisation("org-endorsing", "Endorsing", Standing.ADMITTED, false),
            "org-suspended", new Organisation("org-suspended", "Suspended since", Standing.SUSPENDED, false),
            "org-other", new Organisation("org-other", "Other", Standing.ADMITTED, false),
            "org-focal", new Organisation("org-focal", "Focal point", Standing.ADMITTED, true));
    private final Account endorsing = account("a-endorsing", "org-endorsing", Role.PARTICIPANT);
    private final Account endorsingFocalPoint = account("a-endorsing-fp", "org-endorsing", Role.PARTICIPANT, Role.FOCAL_POINT);
    private final Account suspended = account("a-suspended", "org-suspended", Role.PARTICIPANT);
    private final Account other = account("a-other", "org-other", Role.PARTICIPANT);
    private final Account focalPointElsewhere = account("a-focal", "org-focal", Role.PARTICIPANT, Role.FOCAL_POINT);
    private final Recipients.Snapshot snapshot = new Recipients.Snapshot(1, System.nanoTime(),
            List.of(endorsing, endorsingFocalPoint, suspended, other, focalPointElsewhere), organisations, Map.of());

    @Test
    void theStaffOfTheNamedMemberOrganisationsOnly() {
        assertThat(snapshot.admitted(happening(Set.of("org-endorsing", "org-suspended")))).containsExactlyInAnyOrder(endorsing, endorsingFocalPoint);
        assertThat(snapshot.admitted(happening(Set.of()))).as("naming none").isEmpty();
        assertThat(snapshot.admitted(Audience.ORGANISATIONS)).as("an audience alone names none").isEmpty();
    }

    @Test
    void theOtherAudiencesAdmitAsBefore() {
        assertThat(snapshot.admitted(Audience.EVERYONE)).hasSize(5);
        assertThat(snapshot.admitted(Audience.MEMBERS)).containsExactlyInAnyOrder(endorsing, endorsingFocalPoint, other, focalPointElsewhere);
        assertThat(snapshot.admitted(Audience.FOCAL_POINTS)).containsExactlyInAnyOrder(endorsingFocalPoint, focalPointElsewhere);
    }

    private static Happening happening(Set<String> organisationIds) {
        return new Happening("h", false, Kind.RECOMMENDATION_UPTAKE, Audience.EVERYONE, null, Story.of("recommendation.uptake"), "/d", "d-1", "T",
                List.of("d-1"), Set.of(), Set.of(), Set.of(), Set.of(), Instant.EPOCH).forOrganisations(organisationIds);
    }

    private static Account account(String id, String organisationId, Role... roles) {
        return new Account(id, id + "@test.icm", id, organisationId, organisationId, EnumSet.copyOf(List.of(roles)), true, "en");
    }
}
