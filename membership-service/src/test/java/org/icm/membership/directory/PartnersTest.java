package org.icm.membership.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.organisation.OrganisationState;
import org.icm.membership.organisation.OrganisationStatus;
import org.icm.membership.organisation.Profile;
import org.junit.jupiter.api.Test;

/** The partner score, point by point, and the ranking it makes. */
class PartnersTest {

    static OrganisationState org(String id, OrganisationScope scope, List<String> countries, OrganisationFocus focus, List<String> expertise,
                                 List<String> targets) {
        return new OrganisationState(id, new Profile("Org " + id, null, OrganisationKind.NGO, scope, countries, focus, expertise, targets, null,
                new Profile.Contact("A", "a@x.example", null)), OrganisationStatus.ADMITTED, false, null, Map.of());
    }

    final OrganisationState seeker = org("seeker", OrganisationScope.NATIONAL, List.of("AT"), OrganisationFocus.CHILD_RIGHTS,
            List.of("guardianship", "reception"), List.of("interior ministry"));

    @Test
    void aMigrationOrganisationOfTheSameCountryWithSharedExpertiseRanksFirst() {
        OrganisationState sameCountryMigration = org("b", OrganisationScope.NATIONAL, List.of("AT"), OrganisationFocus.MIGRATION,
                List.of("Reception"), List.of("Interior ministry"));
        OrganisationState europeanMigration = org("c", OrganisationScope.EUROPEAN, List.of(), OrganisationFocus.MIGRATION, List.of(), List.of());
        OrganisationState europeanChildRights = org("d", OrganisationScope.EUROPEAN, List.of(), OrganisationFocus.CHILD_RIGHTS, List.of("guardianship"),
                List.of());
        OrganisationState otherCountry = org("e", OrganisationScope.NATIONAL, List.of("ES"), OrganisationFocus.MIGRATION, List.of("reception"), List.of());
        OrganisationState sameFocusNothingShared = org("f", OrganisationScope.INTERNATIONAL, List.of(), OrganisationFocus.CHILD_RIGHTS, List.of(), List.of());

        List<Partners.Suggestion> suggestions = Partners.suggest(seeker,
                List.of(seeker, otherCountry, europeanChildRights, europeanMigration, sameFocusNothingShared, sameCountryMigration));

        assertThat(suggestions).extracting(s -> s.organisation().id()).containsExactly("b", "c", "d");
        // 3 (focus) + 2 (Austria) + 1 (reception) + 1 (interior ministry)
        assertThat(suggestions.get(0).score()).isEqualTo(7);
        assertThat(suggestions.get(0).reasons()).containsExactly("works on migration, you on child rights", "also works in Austria",
                "shared expertise: Reception", "same advocacy targets: Interior ministry");
        // 3 (focus) + 1 (European link)
        assertThat(suggestions.get(1).score()).isEqualTo(4);
        // 1 (European link) + 1 (guardianship)
        assertThat(suggestions.get(2).score()).isEqualTo(2);
        assertThat(suggestions.get(2).reasons()).containsExactly("a European ngo that links national work to EU advocacy", "shared expertise: guardianship");
    }

    @Test
    void anOrganisationWorkingOnBothIsPartlyComplementary() {
        OrganisationState both = org("g", OrganisationScope.NATIONAL, List.of("AT"), OrganisationFocus.BOTH, List.of(), List.of());
        Partners.Suggestion suggestion = Partners.suggest(seeker, List.of(both)).getFirst();
        assertThat(suggestion.score()).isEqualTo(1 + 2);
        assertThat(suggestion.reasons()).containsExactly("works on child rights and migration, you on child rights", "also works in Austria");
    }
}
