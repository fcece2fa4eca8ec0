package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.icm.infrastructure.EmbeddedKafka;
import org.icm.infrastructure.Ports;
import org.icm.infrastructure.SharedInfrastructure;
import org.icm.kernel.events.membership.AccountActivated;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.OrganisationAdmitted;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.NotificationApplication;
import org.icm.notification.directory.Account;
import org.icm.notification.feed.Notification;
import org.icm.notification.support.Publisher;
import org.icm.service.privacy.PersonalDataProperties;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The broker stopped in the middle of a stream of events and started again: every notification arrives, exactly once.
 * The JVM's shared broker serves other test classes, so this test runs a broker of its own (fixed port and log folder,
 * so that it comes back with its topics and committed offsets) and a service instance pointed at it, with its own
 * MongoDB database.
 */
class BrokerRestartTest {

    private static final int EVENTS = 30;

    @Test
    void everyNotificationArrivesExactlyOnceAcrossABrokerRestart(@TempDir Path kafkaLogs) {
        int port = Ports.free();
        int controllerPort = Ports.free();
        EmbeddedKafka broker = EmbeddedKafka.start(kafkaLogs, port, controllerPort);
        ConfigurableApplicationContext service = null;
        try (Publisher publisher = new Publisher(broker.bootstrapServers(),
                PersonalDataProperties.of(SharedInfrastructure.get().springProperties()))) {
            service = startService(broker.bootstrapServers());
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            String organisation = UUID.randomUUID().toString();
            String account = UUID.randomUUID().toString();
            publisher.publish(MembershipIntegrationEvents.ORGANISATION_ADMITTED, new OrganisationAdmitted(organisation, "Org"));
            publisher.publish(MembershipIntegrationEvents.ACCOUNT_ACTIVATED, new AccountActivated(organisation, "Org", account,
                    account + "@test.icm", "Someone", List.of(Role.PARTICIPANT), "en"));
            String dossier = UUID.randomUUID().toString();
            publisher.publish(PolicyIntegrationEvents.DOSSIER_OPENED, new DossierOpened(dossier, "Dossier", PolicyArea.HEALTH, "s", null));
            publisher.publish(PolicyIntegrationEvents.DOSSIER_PUBLISHED, new DossierPublished(dossier, "Dossier", PolicyArea.HEALTH));
            await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(account, Account.class) != null);

            for (int i = 0; i < EVENTS / 3; i++) {
                publisher.publish(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, change(dossier, i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> notifications(mongo, account) >= 1);

            // the broker goes down in the middle of the stream, and the stream goes on: the producer waits for it
            broker.close();
            CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
                for (int i = EVENTS / 3; i < EVENTS; i++) {
                    publisher.publishLater(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, change(dossier, i));
                }
                publisher.flush();
            });
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            broker = EmbeddedKafka.start(kafkaLogs, port, controllerPort);
            rest.join();

            await().atMost(Duration.ofSeconds(120)).until(() -> notifications(mongo, account) >= EVENTS);
            // and nothing more comes: give a redelivery the time to show up
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            List<Notification> received = mongo.find(Query.query(where("accountId").is(account)), Notification.class);
            assertThat(received).hasSize(EVENTS);
            assertThat(received).extracting(Notification::story).doesNotHaveDuplicates();
        } finally {
            if (service != null) {
                service.close();
            }
            broker.close();
        }
    }

    private static MeasureStageChanged change(String dossier, int i) {
        return new MeasureStageChanged(dossier, "Dossier", PolicyArea.HEALTH, "m-" + i, "Measure " + i, "2024/0003(COD)",
                ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED, LocalDate.parse("2026-01-01"), false);
    }

    private static long notifications(MongoTemplate mongo, String account) {
        return mongo.count(Query.query(where("accountId").is(account)), Notification.class);
    }

    private static ConfigurableApplicationContext startService(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.get().springProperties());
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("icm.database", "notification-broker-restart-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("server.port", "0");
        properties.put("icm.security.issuer", TestTokens.ISSUER);
        properties.put("icm.security.jwk-set-uri", TestTokens.get().jwkSetUri());
        properties.put("icm.notification.consumer-backoff", "100ms");
        // a consumer that lost its broker rejoins its group sooner (the defaults wait up to 45 s)
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        properties.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        // as command-line arguments: above the service's application.yml, as the test customizer does for test contexts
        return new SpringApplicationBuilder(NotificationApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
