package org.icm.kernel.events.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.InMemoryKeys;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.junit.jupiter.api.Test;

class MembershipIntegrationEventsTest {

    static final String ORG = "org-7";
    static final String NAME = "Child Circle";

    final InMemoryKeys keys = new InMemoryKeys();
    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/membership-service"), MembershipIntegrationEvents.ALL, keys);

    /** One sample of every type, in the order of the catalogue. */
    static final List<MembershipIntegrationEvent> SAMPLES = List.of(
            new OrganisationApplied(ORG, NAME, "CC", OrganisationKind.NGO, OrganisationScope.EUROPEAN, List.of("BE"), OrganisationFocus.CHILD_RIGHTS),
            new OrganisationAdmitted(ORG, NAME),
            new OrganisationRejected(ORG, NAME, "not working on EU policy"),
            new OrganisationSuspended(ORG, NAME, "unpaid contribution"),
            new OrganisationReinstated(ORG, NAME),
            new OrganisationWithdrew(ORG, NAME),
            new OrganisationProfileUpdated(ORG, NAME, "CC", OrganisationKind.NGO, OrganisationScope.EUROPEAN, List.of("BE"),
                    OrganisationFocus.BOTH, List.of("guardianship"), List.of("European Commission"), "https://example.org"),
            new FocalPointDesignated(ORG, NAME),
            new FocalPointRevoked(ORG, NAME),
            new AccountActivated(ORG, NAME, "acc-1", "ana@example.org", "Ana Ruiz", List.of(Role.PARTICIPANT), "fr"),
            new AccountRolesChanged(ORG, NAME, "acc-1", List.of(Role.PARTICIPANT, Role.ANALYST)),
            new AccountDeactivated(ORG, NAME, "acc-1"),
            new PersonErased(ORG, NAME, "acc-1"));

    @Test
    void everyTypeIsVersionedOnTheMembershipTopicAndNamedAfterItsRecord() {
        assertThat(MembershipIntegrationEvents.ALL).extracting(IntegrationEventType::name).doesNotHaveDuplicates();
        for (IntegrationEventType<?> type : MembershipIntegrationEvents.ALL) {
            assertThat(type.topic()).isEqualTo(Topic.MEMBERSHIP);
            assertThat(type.name()).isEqualTo("org.icm.membership." + type.payloadType().getSimpleName() + ".v1");
        }
        assertThat(SAMPLES).extracting(Object::getClass)
                .containsExactlyElementsOf(MembershipIntegrationEvents.ALL.stream().map(IntegrationEventType::payloadType).toList());
    }

    @Test
    void everyEventIsKeyedByItsOrganisationAndSurvivesTheEnvelope() {
        for (int i = 0; i < SAMPLES.size(); i++) {
            var read = codec.decode(codec.encode(envelope(MembershipIntegrationEvents.ALL.get(i), SAMPLES.get(i))));

            assertThat(read.getSubject()).isEqualTo(ORG);
            assertThat(codec.payload(read)).as(read.getType()).contains(SAMPLES.get(i));
        }
    }

    @Test
    void anAccountEventCarriesHowToReachThePersonSealedWithTheirKeyAndNothingSecret() {
        var envelope = codec.decode(codec.encode(envelope(MembershipIntegrationEvents.ACCOUNT_ACTIVATED, SAMPLES.get(9))));
        String data = new String(envelope.getData().toBytes(), StandardCharsets.UTF_8);

        assertThat(data).contains("\"roles\":[\"PARTICIPANT\"]", "\"accountId\":\"acc-1\"")
                .doesNotContain("ana@example.org").doesNotContain("Ana Ruiz")
                .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("hash");
        assertThat(codec.payload(envelope)).contains(SAMPLES.get(9));

        keys.erase("acc-1");
        assertThat(codec.payload(envelope)).contains(new AccountActivated(ORG, NAME, "acc-1", PersonalData.ERASED, PersonalData.ERASED,
                List.of(Role.PARTICIPANT), "fr"));
    }

    @SuppressWarnings("unchecked")
    private <E extends IntegrationEvent> io.cloudevents.CloudEvent envelope(IntegrationEventType<E> type, IntegrationEvent event) {
        return codec.envelope(type, (E) event, "evt-1", Instant.parse("2024-05-15T08:00:00Z"));
    }
}
