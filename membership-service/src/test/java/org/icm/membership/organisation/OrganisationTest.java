package org.icm.membership.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.organisation.OrganisationCommand.*;
import org.icm.membership.organisation.OrganisationEvent.*;
import org.icm.service.rules.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.hamcrest.Matcher;

/** Every rule of an organisation's life and its accounts, and every refusal, as given / when / then. */
class OrganisationTest {

    static final String ORG = "9b0c3f8e-0000-4000-8000-000000000001";
    static final String OTHER = "9b0c3f8e-0000-4000-8000-000000000002";
    static final String ACCOUNT = "acc-1";
    static final Acting FOCAL_POINT = Acting.focalPointOf(OTHER);
    static final Acting OWN_MEMBER = Acting.memberOf(ORG);
    static final Acting STRANGER = Acting.memberOf(OTHER);
    /** The contact person of the application: a data subject of their own, named after the event that introduced them. */
    static final Profile.Contact CONTACT = new Profile.Contact("Anna Beispiel", "anna@kinderrechte.example", null, ORG + "-contact-0");
    static final Profile PROFILE = new Profile("Kinderrechte Beispielverein", "KBV", OrganisationKind.NGO, OrganisationScope.NATIONAL,
            List.of("AT"), OrganisationFocus.CHILD_RIGHTS, List.of("guardianship", "youth welfare"), List.of("child and social ministries"),
            "https://kinderrechte.example", CONTACT);

    static final OrganisationApplied APPLIED = new OrganisationApplied(ORG, PROFILE);
    static final OrganisationAdmitted ADMITTED = new OrganisationAdmitted(ORG, PROFILE.name());
    static final AccountInvited INVITED = new AccountInvited(ORG, ACCOUNT, "eva@kinderrechte.example", "Eva Muster", false);
    static final AccountActivated ACTIVATED = new AccountActivated(ORG, PROFILE.name(), ACCOUNT, "eva@kinderrechte.example", "Eva Muster",
            List.of(Role.PARTICIPANT), "en");

    AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    static Matcher<?> violation(RuleViolation.Kind kind, String code, String field) {
        return Matchers.predicate((Object thrown) -> thrown instanceof RuleViolation v && v.kind() == kind && v.code().equals(code)
                && java.util.Objects.equals(v.field(), field));
    }

    static Matcher<?> invalid(String field, String code) {
        return violation(RuleViolation.Kind.INVALID_INPUT, code, field);
    }

    static Matcher<?> conflict(String code) {
        return violation(RuleViolation.Kind.CONFLICTS_WITH_STATE, code, null);
    }

    static Matcher<?> notAllowed(String code) {
        return violation(RuleViolation.Kind.NOT_ALLOWED, code, null);
    }

    static Profile withCountries(List<String> countries) {
        return new Profile(PROFILE.name(), PROFILE.acronym(), PROFILE.kind(), PROFILE.scope(), countries, PROFILE.focus(),
                PROFILE.expertise(), PROFILE.advocacyTargets(), PROFILE.website(), PROFILE.contact());
    }

    @Nested
    class Applying {

        @Test
        void anOrganisationAppliesWithItsNormalisedProfile() {
            Profile messy = new Profile("  Kinderrechte Beispielverein ", "KBV", OrganisationKind.NGO, OrganisationScope.NATIONAL,
                    List.of("at"), OrganisationFocus.CHILD_RIGHTS, List.of("guardianship", "Guardianship", "youth welfare"),
                    List.of("child and social ministries"), "https://kinderrechte.example",
                    new Profile.Contact("Anna Beispiel", "Anna@Kinderrechte.example", " "));
            fixture.givenNoPriorActivity().when(new Apply(ORG, messy)).expectEvents(APPLIED);
        }

        @Test
        void anUnknownCountryCodeIsRefused() {
            fixture.givenNoPriorActivity().when(new Apply(ORG, withCountries(List.of("AT", "XX"))))
                    .expectException(invalid("countries", "unknown-country")).expectNoEvents();
        }

        @Test
        void aNationalOrganisationNamesItsCountry() {
            fixture.givenNoPriorActivity().when(new Apply(ORG, withCountries(List.of())))
                    .expectException(invalid("countries", "national-needs-country")).expectNoEvents();
        }

        @Test
        void aBlankNameIsRefused() {
            Profile noName = new Profile(" ", null, OrganisationKind.NGO, OrganisationScope.EUROPEAN, List.of(), OrganisationFocus.MIGRATION,
                    null, null, null, CONTACT);
            fixture.givenNoPriorActivity().when(new Apply(ORG, noName)).expectException(invalid("name", "required")).expectNoEvents();
        }

        @Test
        void aContactPersonIsRequiredWithAnEmailAddress() {
            Profile noContact = new Profile("X", null, OrganisationKind.NGO, OrganisationScope.EUROPEAN, List.of(), OrganisationFocus.MIGRATION,
                    null, null, null, null);
            fixture.givenNoPriorActivity().when(new Apply(ORG, noContact)).expectException(invalid("contact", "required"));
            Profile badMail = new Profile("X", null, OrganisationKind.NGO, OrganisationScope.EUROPEAN, List.of(), OrganisationFocus.MIGRATION,
                    null, null, null, new Profile.Contact("A", "not-an-address", null));
            new AggregateTestFixture<>(Organisation.class).givenNoPriorActivity().when(new Apply(ORG, badMail))
                    .expectException(invalid("contact.email", "malformed-email"));
        }

        @Test
        void everyBadFieldIsNamedAtOnce() {
            Profile manyWrong = new Profile(" ", null, OrganisationKind.NGO, OrganisationScope.NATIONAL, List.of(), null,
                    null, null, "ftp://x", new Profile.Contact("", "not-an-address", null));
            fixture.givenNoPriorActivity().when(new Apply(ORG, manyWrong)).expectNoEvents().expectException(Matchers.predicate(
                    (Object thrown) -> thrown instanceof RuleViolation v && v.kind() == RuleViolation.Kind.INVALID_INPUT
                            && v.fieldRefusals().stream().map(r -> r.field() + " " + r.code()).toList().equals(List.of(
                            "name required", "countries national-needs-country", "focus required", "website malformed-website",
                            "contact.name required", "contact.email malformed-email"))));
        }

        @Test
        void aWebsiteIsAWebAddress() {
            Profile badSite = new Profile("X", null, OrganisationKind.NGO, OrganisationScope.EUROPEAN, List.of(), OrganisationFocus.MIGRATION,
                    null, null, "javascript:alert(1)", CONTACT);
            fixture.givenNoPriorActivity().when(new Apply(ORG, badSite)).expectException(invalid("website", "malformed-website"));
        }
    }

    @Nested
    class Admission {

        @Test
        void focalPointsAdmitAnApplication() {
            fixture.given(APPLIED).when(new Admit(ORG, null, FOCAL_POINT)).expectEvents(ADMITTED).expectResultMessagePayload(1L);
        }

        @Test
        void aParticipantCannotAdmit() {
            fixture.given(APPLIED).when(new Admit(ORG, null, STRANGER)).expectException(notAllowed("focal-points-only")).expectNoEvents();
        }

        @Test
        void focalPointsRejectWithAReason() {
            fixture.given(APPLIED).when(new Reject(ORG, null, FOCAL_POINT, "not working on children in migration"))
                    .expectEvents(new OrganisationRejected(ORG, PROFILE.name(), "not working on children in migration"));
        }

        @Test
        void aRejectionNeedsAReason() {
            fixture.given(APPLIED).when(new Reject(ORG, null, FOCAL_POINT, " ")).expectException(invalid("reason", "required"));
        }

        @Test
        void aRejectedApplicationCannotBeAdmitted() {
            fixture.given(APPLIED, new OrganisationRejected(ORG, PROFILE.name(), "no"))
                    .when(new Admit(ORG, null, FOCAL_POINT)).expectException(conflict("not-an-application")).expectNoEvents();
        }

        @Test
        void anAdmittedOrganisationIsNotAdmittedTwice() {
            fixture.given(APPLIED, ADMITTED).when(new Admit(ORG, null, FOCAL_POINT)).expectException(conflict("not-an-application"));
        }
    }

    @Nested
    class SuspensionAndWithdrawal {

        @Test
        void suspendThenReinstate() {
            fixture.given(APPLIED, ADMITTED).when(new Suspend(ORG, null, FOCAL_POINT, "unpaid fees"))
                    .expectEvents(new OrganisationSuspended(ORG, PROFILE.name(), "unpaid fees"));
            new AggregateTestFixture<>(Organisation.class)
                    .given(APPLIED, ADMITTED, new OrganisationSuspended(ORG, PROFILE.name(), "unpaid fees"))
                    .when(new Reinstate(ORG, null, FOCAL_POINT)).expectEvents(new OrganisationReinstated(ORG, PROFILE.name()));
        }

        @Test
        void anApplicationCannotBeSuspendedNorAnAdmittedOneReinstated() {
            fixture.given(APPLIED).when(new Suspend(ORG, null, FOCAL_POINT, "x")).expectException(conflict("not-admitted"));
            new AggregateTestFixture<>(Organisation.class).given(APPLIED, ADMITTED)
                    .when(new Reinstate(ORG, null, FOCAL_POINT)).expectException(conflict("not-suspended"));
        }

        @Test
        void aFocalPointIsNotSuspendedBeforeItsDesignationIsRevoked() {
            fixture.given(APPLIED, ADMITTED, new FocalPointDesignated(ORG, PROFILE.name()))
                    .when(new Suspend(ORG, null, FOCAL_POINT, "x")).expectException(conflict("focal-point-suspended"));
        }

        @Test
        void anOrganisationWithdrawsAndItsAccountsAreDeactivated() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new Withdraw(ORG, null, OWN_MEMBER))
                    .expectEvents(new OrganisationWithdrew(ORG, PROFILE.name()), new AccountDeactivated(ORG, PROFILE.name(), ACCOUNT));
        }

        @Test
        void anotherOrganisationsParticipantCannotWithdrawIt() {
            fixture.given(APPLIED, ADMITTED).when(new Withdraw(ORG, null, STRANGER)).expectException(notAllowed("not-your-organisation"));
        }

        @Test
        void aWithdrawnOrganisationChangesNoMore() {
            fixture.given(APPLIED, ADMITTED, new OrganisationWithdrew(ORG, PROFILE.name()))
                    .when(new EditProfile(ORG, null, OWN_MEMBER, withCountries(List.of("DE")))).expectException(conflict("closed"));
        }
    }

    @Nested
    class ProfileEditing {

        @Test
        void itsOwnMembersEditTheProfile() {
            Profile edited = withCountries(List.of("AT", "DE"));
            fixture.given(APPLIED, ADMITTED).when(new EditProfile(ORG, null, OWN_MEMBER, edited))
                    .expectEvents(new ProfileEdited(ORG, edited)).expectResultMessagePayload(2L);
        }

        @Test
        void focalPointsEditAnyProfile() {
            Profile edited = withCountries(List.of("DE"));
            fixture.given(APPLIED, ADMITTED).when(new EditProfile(ORG, null, FOCAL_POINT, edited)).expectEvents(new ProfileEdited(ORG, edited));
        }

        @Test
        void aParticipantCannotEditAnotherOrganisation() {
            fixture.given(APPLIED, ADMITTED).when(new EditProfile(ORG, null, STRANGER, withCountries(List.of("DE"))))
                    .expectException(notAllowed("not-your-organisation")).expectNoEvents();
        }

        @Test
        void anEditThatChangesNothingRecordsNothingAndAnswersTheSameVersion() {
            fixture.given(APPLIED, ADMITTED).when(new EditProfile(ORG, null, OWN_MEMBER, PROFILE)).expectSuccessfulHandlerExecution()
                    .expectNoEvents().expectResultMessagePayload(1L);
        }

        @Test
        void aNewContactPersonIsANewPersonAndTheSamePersonKeepsTheirId() {
            Profile newContact = new Profile(PROFILE.name(), PROFILE.acronym(), PROFILE.kind(), PROFILE.scope(), PROFILE.countries(),
                    PROFILE.focus(), PROFILE.expertise(), PROFILE.advocacyTargets(), PROFILE.website(),
                    new Profile.Contact("Ben Neu", "ben@kinderrechte.example", null));
            fixture.given(APPLIED, ADMITTED).when(new EditProfile(ORG, null, OWN_MEMBER, newContact))
                    .expectEvents(new ProfileEdited(ORG, newContact.withContactPerson(ORG + "-contact-2")));
            Profile renamed = new Profile(PROFILE.name(), PROFILE.acronym(), PROFILE.kind(), PROFILE.scope(), PROFILE.countries(),
                    PROFILE.focus(), PROFILE.expertise(), PROFILE.advocacyTargets(), PROFILE.website(),
                    new Profile.Contact("Anna Beispiel-Neu", "ANNA@kinderrechte.example", null));
            new AggregateTestFixture<>(Organisation.class).given(APPLIED, ADMITTED).when(new EditProfile(ORG, null, OWN_MEMBER, renamed))
                    .expectEvents(new ProfileEdited(ORG, new Profile(PROFILE.name(), PROFILE.acronym(), PROFILE.kind(), PROFILE.scope(),
                            PROFILE.countries(), PROFILE.focus(), PROFILE.expertise(), PROFILE.advocacyTargets(), PROFILE.website(),
                            new Profile.Contact("Anna Beispiel-Neu", "anna@kinderrechte.example", null, ORG + "-contact-0"))));
        }

        @Test
        void anUnknownCountryIsRefusedOnEditToo() {
            fixture.given(APPLIED, ADMITTED).when(new EditProfile(ORG, null, OWN_MEMBER, withCountries(List.of("ZZ"))))
                    .expectException(invalid("countries", "unknown-country"));
        }
    }

    @Nested
    class Erasure {

        @Test
        void aFocalPointErasesAPersonOnTheirRequestAndTheAccountIsClosedForGood() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new ErasePerson(ORG, FOCAL_POINT, ACCOUNT, false))
                    .expectEvents(new PersonErased(ORG, PROFILE.name(), ACCOUNT));
            // the state shows what every later read of the history shows, the person's key being gone
            OrganisationState after = OrganisationState.fold(List.of(APPLIED, ADMITTED, INVITED, ACTIVATED, new PersonErased(ORG, PROFILE.name(), ACCOUNT)));
            assertThat(after.accounts().get(ACCOUNT)).isEqualTo(new OrganisationState.Account(ACCOUNT,
                    PersonalData.ERASED, PersonalData.ERASED, OrganisationState.AccountStatus.ERASED, false));
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED, new PersonErased(ORG, PROFILE.name(), ACCOUNT))
                    .when(new DeactivateAccount(ORG, FOCAL_POINT, ACCOUNT)).expectException(conflict("account-deactivated"));
        }

        @Test
        void aPersonErasesThemselvesAndNobodyElseButAFocalPointMay() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new ErasePerson(ORG, OWN_MEMBER, ACCOUNT, true))
                    .expectEvents(new PersonErased(ORG, PROFILE.name(), ACCOUNT));
            new AggregateTestFixture<>(Organisation.class).given(APPLIED, ADMITTED, INVITED, ACTIVATED)
                    .when(new ErasePerson(ORG, OWN_MEMBER, ACCOUNT, false)).expectException(notAllowed("focal-points-only")).expectNoEvents();
        }

        @Test
        void theContactPersonIsErasedTheSameWayAndTheProfileKeepsTheRest() {
            fixture.given(APPLIED, ADMITTED).when(new ErasePerson(ORG, FOCAL_POINT, CONTACT.personId(), false))
                    .expectEvents(new PersonErased(ORG, PROFILE.name(), CONTACT.personId()));
            OrganisationState after = OrganisationState.fold(List.of(APPLIED, ADMITTED, new PersonErased(ORG, PROFILE.name(), CONTACT.personId())));
            assertThat(after.profile().contact()).isEqualTo(
                    new Profile.Contact(PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED, CONTACT.personId()));
            assertThat(after.profile().website()).isEqualTo(PROFILE.website());
        }

        @Test
        void anUnknownOrAlreadyErasedPersonIsRefusedAndNothingIsRecorded() {
            fixture.given(APPLIED, ADMITTED).when(new ErasePerson(ORG, FOCAL_POINT, "nobody", false))
                    .expectException(violation(RuleViolation.Kind.CONFLICTS_WITH_STATE, "unknown-person", "personId")).expectNoEvents();
            new AggregateTestFixture<>(Organisation.class).given(APPLIED, ADMITTED, INVITED, ACTIVATED, new PersonErased(ORG, PROFILE.name(), ACCOUNT))
                    .when(new ErasePerson(ORG, FOCAL_POINT, ACCOUNT, false)).expectException(conflict("erased-already")).expectNoEvents();
        }

        @Test
        void theAddressOfAnErasedPersonCanBeInvitedAgain() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED, new PersonErased(ORG, PROFILE.name(), ACCOUNT))
                    .when(new InviteAccount(ORG, FOCAL_POINT, "acc-2", "eva@kinderrechte.example", "Eva", false))
                    .expectEvents(new AccountInvited(ORG, "acc-2", "eva@kinderrechte.example", "Eva", false));
        }
    }

    @Nested
    class FocalPoints {

        @Test
        void focalPointsDesignateAnAdmittedOrganisationAndItsPeopleGetTheRole() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new DesignateFocalPoint(ORG, null, FOCAL_POINT))
                    .expectEvents(new FocalPointDesignated(ORG, PROFILE.name()),
                            new AccountRolesChanged(ORG, PROFILE.name(), ACCOUNT, false, List.of(Role.PARTICIPANT, Role.FOCAL_POINT)));
        }

        @Test
        void onlyFocalPointsDesignate() {
            fixture.given(APPLIED, ADMITTED).when(new DesignateFocalPoint(ORG, null, OWN_MEMBER)).expectException(notAllowed("focal-points-only"));
        }

        @Test
        void anApplicationCannotBeAFocalPoint() {
            fixture.given(APPLIED).when(new DesignateFocalPoint(ORG, null, FOCAL_POINT)).expectException(conflict("not-admitted"));
        }

        @Test
        void aRevocationLeavingOthersIsAccepted() {
            fixture.given(APPLIED, ADMITTED, new FocalPointDesignated(ORG, PROFILE.name()))
                    .when(new RevokeFocalPoint(ORG, null, FOCAL_POINT, 2)).expectEvents(new FocalPointRevoked(ORG, PROFILE.name()));
        }

        @Test
        void theLastFocalPointCannotBeRevoked() {
            fixture.given(APPLIED, ADMITTED, new FocalPointDesignated(ORG, PROFILE.name()))
                    .when(new RevokeFocalPoint(ORG, null, FOCAL_POINT, 0)).expectException(conflict("last-focal-point")).expectNoEvents();
        }

        @Test
        void onlyAFocalPointIsRevoked() {
            fixture.given(APPLIED, ADMITTED).when(new RevokeFocalPoint(ORG, null, FOCAL_POINT, 3)).expectException(conflict("not-focal-point"));
        }
    }

    @Nested
    class Accounts {

        @Test
        void focalPointsInviteAPersonToAnAdmittedOrganisation() {
            fixture.given(APPLIED, ADMITTED).when(new InviteAccount(ORG, FOCAL_POINT, ACCOUNT, "Eva@Kinderrechte.example", "Eva Muster", false))
                    .expectEvents(INVITED);
        }

        @Test
        void participantsDoNotInvite() {
            fixture.given(APPLIED, ADMITTED).when(new InviteAccount(ORG, OWN_MEMBER, ACCOUNT, "eva@kinderrechte.example", "Eva", false))
                    .expectException(notAllowed("focal-points-only"));
        }

        @Test
        void nobodyIsInvitedToAnApplication() {
            fixture.given(APPLIED).when(new InviteAccount(ORG, FOCAL_POINT, ACCOUNT, "eva@kinderrechte.example", "Eva", false))
                    .expectException(conflict("not-admitted"));
        }

        @Test
        void anEmailAddressHasOneAccountPerOrganisation() {
            fixture.given(APPLIED, ADMITTED, INVITED).when(new InviteAccount(ORG, FOCAL_POINT, "acc-2", "EVA@kinderrechte.example", "Eva", false))
                    .expectException(violation(RuleViolation.Kind.CONFLICTS_WITH_STATE, "duplicate-email", "email"));
        }

        @Test
        void aMalformedEmailIsRefused() {
            fixture.given(APPLIED, ADMITTED).when(new InviteAccount(ORG, FOCAL_POINT, ACCOUNT, "eva", "Eva", false))
                    .expectException(invalid("email", "malformed-email"));
        }

        @Test
        void anInvitedPersonActivatesTheirAccountWithTheirRoles() {
            fixture.given(APPLIED, ADMITTED, new FocalPointDesignated(ORG, PROFILE.name()), new AccountInvited(ORG, ACCOUNT, "eva@x.example", "Eva", true))
                    .when(new ActivateAccount(ORG, ACCOUNT, "fr"))
                    .expectEvents(new AccountActivated(ORG, PROFILE.name(), ACCOUNT, "eva@x.example", "Eva",
                            List.of(Role.PARTICIPANT, Role.FOCAL_POINT, Role.ANALYST), "fr"));
        }

        @Test
        void anAccountIsActivatedOnce() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new ActivateAccount(ORG, ACCOUNT, "en")).expectException(conflict("not-invited"));
        }

        @Test
        void aSuspendedOrganisationsInvitationWaits() {
            fixture.given(APPLIED, ADMITTED, INVITED, new OrganisationSuspended(ORG, PROFILE.name(), "x"))
                    .when(new ActivateAccount(ORG, ACCOUNT, "en")).expectException(conflict("not-admitted"));
        }

        @Test
        void focalPointsGrantAndTakeTheAnalystRole() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new SetAnalyst(ORG, FOCAL_POINT, ACCOUNT, true))
                    .expectEvents(new AccountRolesChanged(ORG, PROFILE.name(), ACCOUNT, true, List.of(Role.PARTICIPANT, Role.ANALYST)));
        }

        @Test
        void participantsDoNotGrantTheAnalystRole() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new SetAnalyst(ORG, OWN_MEMBER, ACCOUNT, true))
                    .expectException(notAllowed("focal-points-only"));
        }

        @Test
        void anAccountIsDeactivatedOnceAndNotByStrangers() {
            fixture.given(APPLIED, ADMITTED, INVITED, ACTIVATED).when(new DeactivateAccount(ORG, OWN_MEMBER, ACCOUNT))
                    .expectEvents(new AccountDeactivated(ORG, PROFILE.name(), ACCOUNT));
            new AggregateTestFixture<>(Organisation.class).given(APPLIED, ADMITTED, INVITED, ACTIVATED)
                    .when(new DeactivateAccount(ORG, STRANGER, ACCOUNT)).expectException(notAllowed("not-your-organisation"));
            new AggregateTestFixture<>(Organisation.class).given(APPLIED, ADMITTED, INVITED, ACTIVATED, new AccountDeactivated(ORG, PROFILE.name(), ACCOUNT))
                    .when(new DeactivateAccount(ORG, FOCAL_POINT, ACCOUNT)).expectException(conflict("account-deactivated"));
        }

        @Test
        void anUnknownAccountIsNamed() {
            fixture.given(APPLIED, ADMITTED).when(new DeactivateAccount(ORG, FOCAL_POINT, "nobody"))
                    .expectException(violation(RuleViolation.Kind.CONFLICTS_WITH_STATE, "unknown-account", "accountId"));
        }
    }

    @Test
    void theStateIsAFoldOfTheEvents() {
        OrganisationState state = OrganisationState.fold(List.of(APPLIED, ADMITTED, new FocalPointDesignated(ORG, PROFILE.name()), INVITED, ACTIVATED));
        assertThat(state.status()).isEqualTo(OrganisationStatus.ADMITTED);
        assertThat(state.focalPoint()).isTrue();
        assertThat(state.accounts().get(ACCOUNT).status()).isEqualTo(OrganisationState.AccountStatus.ACTIVE);
        assertThat(state.roles(state.accounts().get(ACCOUNT))).containsExactly(Role.PARTICIPANT, Role.FOCAL_POINT);
    }
}
