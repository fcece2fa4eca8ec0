package org.icm.membership.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.icm.membership.MembershipTest;
import org.icm.membership.organisation.FocalPointRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The lockout's counting on MongoDB, with a clock of its own: slower after 3 failures, locked after 5 for an address,
 * after 20 from one remote address whatever the accounts, free again once the failures leave the window. And the
 * focal-point registry never gives up its last focal point.
 */
class FailedSignInsTest extends MembershipTest {

    @Autowired
    MongoClient mongoClient;

    MongoTemplate freshDatabase() {
        return new MongoTemplate(mongoClient, "membership-test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void failuresSlowDownThenLockAnAccountAndAnAddressForAWhile() {
        MovableClock clock = new MovableClock();
        SignInProperties properties = new SignInProperties(null, null,
                new SignInProperties.Lockout(3, Duration.ofMillis(500), 5, 20, Duration.ofMinutes(15)), null, null);
        FailedSignIns failures = new FailedSignIns(freshDatabase(), properties, clock);

        for (int i = 1; i <= 2; i++) {
            failures.failed("eva@example.org", "10.0.0.1");
        }
        assertThat(failures.verdict("eva@example.org", "10.0.0.1")).isEqualTo(new FailedSignIns.Verdict(false, Duration.ZERO));
        failures.failed("EVA@example.org", "10.0.0.1");
        assertThat(failures.verdict("eva@example.org", "10.0.0.1")).isEqualTo(new FailedSignIns.Verdict(false, Duration.ofMillis(500)));
        failures.failed("eva@example.org", "10.0.0.1");
        assertThat(failures.verdict("eva@example.org", "10.0.0.1").delay()).isEqualTo(Duration.ofMillis(1000));
        failures.failed("eva@example.org", "10.0.0.1");
        assertThat(failures.verdict("eva@example.org", "10.0.0.2").locked()).as("locked for the account, from anywhere").isTrue();

        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(failures.verdict("eva@example.org", "10.0.0.1").locked()).as("free once the failures are old").isFalse();

        // one address trying many accounts
        for (int i = 0; i < 20; i++) {
            failures.failed("user" + i + "@example.org", "10.0.0.9");
        }
        assertThat(failures.verdict("someone-else@example.org", "10.0.0.9").locked()).isTrue();
        assertThat(failures.verdict("someone-else@example.org", "10.0.0.8").locked()).isFalse();
    }

    @Test
    void theFocalPointRegistryKeepsItsLastFocalPointUnderConcurrentRevocations() throws Exception {
        FocalPointRegistry registry = new FocalPointRegistry(freshDatabase());
        registry.add("a");
        registry.add("b");
        registry.add("c");

        assertThat(registry.takeOut("a")).isEqualTo(2);
        assertThat(registry.takeOut("x")).as("not a focal point").isZero();

        // two revocations at once of the last two: exactly one succeeds
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(() -> registry.takeOut("b"));
        var second = pool.submit(() -> registry.takeOut("c"));
        int succeeded = (first.get() > 0 ? 1 : 0) + (second.get() > 0 ? 1 : 0);
        pool.shutdown();
        assertThat(succeeded).isEqualTo(1);
        assertThat(registry.all()).hasSize(1);
        assertThat(registry.takeOut(registry.all().getFirst())).as("the last one stays").isZero();
    }
}
