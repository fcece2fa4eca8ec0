package org.icm.notification.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring test context of this module (every test class carries exactly this, so Spring caches one context
 * and one consumer group member): the shared embedded infrastructure, a clock the tests move, and short polling
 * intervals and retry waits so that what runs on a schedule happens within a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "icm.notification.mail-poll=100ms",
        "icm.notification.digest-poll=200ms",
        "icm.notification.reminder-poll=200ms",
        "icm.notification.briefing-poll=200ms",
        "icm.notification.transposition-deadline-poll=200ms",
        "icm.notification.mail-retry-base=300ms",
        "icm.notification.mail-retry-max=2s",
        "icm.notification.mail-max-attempts=8",
        "icm.notification.consumer-retries=2",
        "icm.notification.consumer-backoff=100ms",
        "icm.notification.unsubscribe-base-url=https://icm.test/api/notifications",
        "icm.notification.web-base-url=https://icm.test"})
@Import(TestClock.Config.class)
public @interface NotificationSpringTest {
}
