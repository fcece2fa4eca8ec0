package org.icm.notification.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that only tests move, and only forward: it starts on Monday 2 March 2026, 06:00 UTC (07:00 in Brussels,
 * an hour before the digests), whatever the wall clock says.
 */
public final class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-03-02T06:00:00Z");

    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock has one zone");
    }

    @Override
    public Instant instant() {
        return now;
    }

    public synchronized void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
