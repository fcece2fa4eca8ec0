package org.icm.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.icm.notification.subscription.Channel;
import org.icm.notification.subscription.Rhythm;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.subscription.Subscriptions;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recipients' copy in memory is used while the shared change counter stands still, and read again once any instance
 * moved it: a subscription changed through another instance (same MongoDB, its own copy) is seen by this one.
 */
class RecipientsTest extends NotificationTestBase {

    @Autowired
    Recipients recipients;

    @Autowired
    RecipientChanges changes;

    @Autowired
    Subscriptions subscriptions;

    @Test
    void aChangeIsSeenOnceTheCounterMovedWhicheverInstanceMadeIt() {
        Person member = member();
        assertThat(recipients.current().subscription(member.id()).by(Channel.EMAIL)).isTrue();

        // another instance writes the subscription (the document first, then the counter): until the counter moves, the copy is kept
        Subscription inAppOnly = new Subscription(member.id(), EnumSet.allOf(Kind.class), Set.of(), Set.of(), Set.of(), Set.of(), EnumSet.of(Channel.IN_APP),
                Rhythm.DAILY_DIGEST, null);
        mongo.save(inAppOnly);
        assertThat(recipients.current().subscription(member.id()).by(Channel.EMAIL)).as("copy kept while nothing was announced").isTrue();
        changes.changed();
        assertThat(recipients.current().subscription(member.id())).isEqualTo(inAppOnly);

        // this instance's own writes move the counter themselves
        subscriptions.save(Subscription.defaults(member.id()));
        assertThat(recipients.current().subscription(member.id())).isEqualTo(Subscription.defaults(member.id()));
    }
}
