package org.icm.membership.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.Topic;
import org.icm.kernel.events.membership.AccountActivated;
import org.icm.kernel.events.membership.AccountDeactivated;
import org.icm.kernel.events.membership.AccountRolesChanged;
import org.icm.kernel.events.membership.FocalPointDesignated;
import org.icm.kernel.events.membership.FocalPointRevoked;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.OrganisationAdmitted;
import org.icm.kernel.events.membership.OrganisationApplied;
import org.icm.kernel.events.membership.OrganisationProfileUpdated;
import org.icm.kernel.events.membership.OrganisationReinstated;
import org.icm.kernel.events.membership.OrganisationSuspended;
import org.icm.kernel.events.membership.OrganisationWithdrew;
import org.icm.kernel.events.membership.PersonErased;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.MembershipTest;
import org.icm.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * An organisation's life, driven over HTTP, arrives on the membership topic as the published language: one
 * CloudEvent per fact, keyed by the organisation, in order; the account's events carry its e-mail address and
 * display name and nothing secret.
 */
class MembershipEventsOnKafkaTest extends MembershipTest {

    static final String PASSWORD = "a long enough password 42";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    PersonalDataKeys keys;
    IntegrationEventCodec codec;
    TopicReader topic;

    @BeforeEach
    void subscribe() {
        codec = new IntegrationEventCodec(URI.create("/icm/membership-service"), MembershipIntegrationEvents.ALL, keys);
        topic = new TopicReader(bootstrapServers, Topic.MEMBERSHIP.topicName(), "membership-events-test-");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void anOrganisationsLifeIsPublishedInOrderAsThePublishedLanguage() {
        String name = "Migrant Rights Graz " + UUID.randomUUID();
        String id = json(post("/organisations", null, application(name, "NATIONAL", List.of("AT"), "MIGRATION", List.of("reception"), List.of())), "$.id");
        String focal = focalPoint();
        assertThat(post("/organisations/" + id + "/admit", focal, null).statusCode()).isEqualTo(200);
        assertThat(put("/organisations/" + id, focal, application(name, "NATIONAL", List.of("AT"), "MIGRATION", List.of("reception", "legal aid"),
                List.of("interior ministry")), null).statusCode()).isEqualTo(200);
        HttpResponse<String> invited = post("/organisations/" + id + "/invitations", focal,
                "{\"email\": \"mira-" + id + "@example.org\", \"displayName\": \"Mira Beispiel\"}");
        assertThat(invited.statusCode()).isEqualTo(201);
        String accountId = json(invited, "$.accountId");
        // accepted on a French page: the person's mails will be in French (an organisation in Austria would give English)
        assertThat(post(json(invited, "$.acceptPath"), null, "{\"password\": \"" + PASSWORD + "\", \"language\": \"fr\"}").statusCode())
                .isEqualTo(200);
        // a second focal point, so this one's designation can be revoked (the last one cannot)
        String other = json(post("/organisations", null, application("Focal Point " + UUID.randomUUID(), "EUROPEAN", List.of(), "BOTH",
                List.of(), List.of())), "$.id");
        assertThat(post("/organisations/" + other + "/admit", focal, null).statusCode()).isEqualTo(200);
        assertThat(put("/organisations/" + other + "/focal-point", focal, "", null).statusCode()).isEqualTo(200);
        assertThat(put("/organisations/" + id + "/focal-point", focal, "", null).statusCode()).isEqualTo(200);
        assertThat(delete("/organisations/" + id + "/focal-point", focal).statusCode()).isEqualTo(200);
        assertThat(post("/organisations/" + id + "/suspend", focal, "{\"reason\": \"inactive\"}").statusCode()).isEqualTo(200);
        assertThat(post("/organisations/" + id + "/reinstate", focal, null).statusCode()).isEqualTo(200);
        assertThat(post("/organisations/" + id + "/withdraw", token(id, Role.PARTICIPANT), null).statusCode()).isEqualTo(200);
        assertThat(post("/organisations/" + id + "/people/" + accountId + "/erasure", focal, null).statusCode()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = topic.recordsFor(id, 13);

        assertThat(records).allSatisfy(record -> assertThat(new String(record.headers().lastHeader("content-type").value(),
                StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json"));
        List<CloudEvent> envelopes = records.stream().map(record -> codec.decode(record.value())).toList();
        assertThat(envelopes).allSatisfy(envelope -> assertThat(envelope.getSubject()).isEqualTo(id));
        String email = "mira-" + id + "@example.org";
        // the address and name travel sealed with the person's key: no byte of a record holds them in clear
        assertThat(records).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain(email).doesNotContain("Mira Beispiel"));
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.erased(accountId));
        List<IntegrationEvent> payloads = envelopes.stream().map(envelope -> codec.payload(envelope).orElseThrow()).toList();
        assertThat(payloads).containsExactly(
                new OrganisationApplied(id, name, null, OrganisationKind.NGO, OrganisationScope.NATIONAL, List.of("AT"), OrganisationFocus.MIGRATION),
                new OrganisationAdmitted(id, name),
                new OrganisationProfileUpdated(id, name, null, OrganisationKind.NGO, OrganisationScope.NATIONAL, List.of("AT"),
                        OrganisationFocus.MIGRATION, List.of("reception", "legal aid"), List.of("interior ministry"), "https://example.org"),
                // read after the erasure: what every consumer reads from the topic from now on
                new AccountActivated(id, name, accountId, PersonalData.ERASED, PersonalData.ERASED, List.of(Role.PARTICIPANT), "fr"),
                new FocalPointDesignated(id, name),
                new AccountRolesChanged(id, name, accountId, List.of(Role.PARTICIPANT, Role.FOCAL_POINT)),
                new FocalPointRevoked(id, name),
                new AccountRolesChanged(id, name, accountId, List.of(Role.PARTICIPANT)),
                new OrganisationSuspended(id, name, "inactive"),
                new OrganisationReinstated(id, name),
                new OrganisationWithdrew(id, name),
                new AccountDeactivated(id, name, accountId),
                new PersonErased(id, name, accountId));
        // nothing secret, and no contact person, on the wire
        assertThat(records).allSatisfy(record -> {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(PASSWORD).doesNotContain("anna@example.org").doesNotContain("{bcrypt}")
                    .doesNotContain(MembershipTest.<String>json(invited, "$.token"));
        });
    }
}
