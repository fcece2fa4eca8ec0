package org.icm.notification.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.PersonErased;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.directory.Account;
import org.icm.notification.feed.Notification;
import org.icm.notification.mail.Delivery;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * An erased person leaves nothing here within seconds: not their address and name, their subscriptions, their feed nor
 * their mails, and nothing new reaches them; another member of the same organisation keeps everything.
 */
class PersonalDataPurgeTest extends NotificationTestBase {

    @Test
    void onPersonErasedEverythingKeptAboutThePersonGoesAndTheyReceiveNothingMore() {
        Person erased = member();
        Person colleague = activate(erased.organisation(), org.icm.kernel.identity.Role.PARTICIPANT);
        subscribe(erased, everythingBy("[\"IN_APP\",\"EMAIL\"]", "IMMEDIATE"));
        subscribe(colleague, everythingBy("[\"IN_APP\",\"EMAIL\"]", "IMMEDIATE"));
        String dossier = dossier("Return Regulation", PolicyArea.RETURN, true);
        stageChange(dossier, "Return Regulation", PolicyArea.RETURN, ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.EP_COMMITTEE, "2025-05-12");
        awaitFeed(erased, 1);
        awaitFeed(colleague, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(where("accountId").is(erased.id())), Delivery.class));

        String erasure = publisher().publish(MembershipIntegrationEvents.PERSON_ERASED,
                new PersonErased(erased.organisation().toString(), "Org " + erased.organisation(), erased.id()));
        awaitProcessed(erasure);

        assertThat(mongo.findById(erased.id(), Account.class)).isNull();
        assertThat(mongo.findById(erased.id(), Subscription.class)).isNull();
        assertThat(mongo.find(Query.query(where("accountId").is(erased.id())), Notification.class)).isEmpty();
        assertThat(mongo.find(Query.query(where("accountId").is(erased.id())), Delivery.class)).isEmpty();
        assertThat(mongo.find(Query.query(where("to").is(erased.email())), Delivery.class)).isEmpty();

        String next = stageChange(dossier, "Return Regulation", PolicyArea.RETURN, ProcedureStage.EP_COMMITTEE, ProcedureStage.EP_MANDATE,
                "2025-09-01");
        awaitProcessed(next);
        awaitFeed(colleague, 2);
        assertThat(mongo.find(Query.query(where("accountId").is(erased.id())), Notification.class)).isEmpty();
        assertThat(mongo.find(Query.query(where("accountId").is(erased.id())), Delivery.class)).isEmpty();
        assertThat(mongo.findById(colleague.id(), Account.class)).isNotNull();
    }

    @org.springframework.beans.factory.annotation.Autowired
    DeliveryLogRetention deliveryLogRetention;

    @Test
    void theDeliveryLogForgetsAddressesAndTextsNinetyDaysAfterAMailAndKeepsTheRest() {
        Person member = member();
        subscribe(member, everythingBy("[\"IN_APP\",\"EMAIL\"]", "IMMEDIATE"));
        String dossier = dossier("Anti-Trafficking Directive", PolicyArea.TRAFFICKING, true);
        stageChange(dossier, "Anti-Trafficking Directive", PolicyArea.TRAFFICKING, ProcedureStage.TRILOGUE, ProcedureStage.ADOPTED, "2024-04-23");
        Query theirs = Query.query(where("accountId").is(member.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.find(theirs, Delivery.class).stream()
                .anyMatch(delivery -> delivery.status() == Delivery.Status.SENT));

        deliveryLogRetention.forgetOldAddresses(clock.instant().plus(Duration.ofDays(89)));
        assertThat(mongo.find(theirs, Delivery.class)).allSatisfy(delivery -> assertThat(delivery.to()).isEqualTo(member.email()));

        deliveryLogRetention.forgetOldAddresses(clock.instant().plus(Duration.ofDays(91)));
        assertThat(mongo.find(theirs, Delivery.class)).isNotEmpty().allSatisfy(delivery -> {
            assertThat(delivery.to()).isEqualTo(org.icm.kernel.privacy.PersonalData.ERASED);
            assertThat(delivery.text()).isEqualTo(org.icm.kernel.privacy.PersonalData.ERASED);
            assertThat(delivery.subject()).contains("Anti-Trafficking Directive");
            assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
        });
    }
}
