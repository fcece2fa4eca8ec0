package org.icm.notification.mail;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.icm.notification.NotificationProperties;
import org.junit.jupiter.api.Test;

/** Signed unsubscribe links and the retry waits, without Spring. */
class UnsubscribeLinksTest {

    private static NotificationProperties properties(String secret) {
        return new NotificationProperties("https://icm.test", "https://icm.test/api/notifications", "", secret, "icm@test",
                ZoneId.of("Europe/Brussels"), LocalTime.of(8, 0), DayOfWeek.MONDAY, 5, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    @Test
    void aLinkNamesItsAccountAndOnlyTheRightSecretMakesIt() {
        UnsubscribeLinks links = new UnsubscribeLinks(properties("a-secret-of-enough-length"), new MockEnvironment());
        UnsubscribeLinks otherSecret = new UnsubscribeLinks(properties("another-secret-of-enough-length"), new MockEnvironment());
        String token = links.token("account-1");

        assertThat(links.url("account-1")).isEqualTo("https://icm.test/api/notifications/unsubscribe?token=" + token);
        assertThat(links.verify(token)).hasValue("account-1");
        assertThat(otherSecret.verify(token)).isEmpty();
        assertThat(links.verify("account-2" + token.substring(token.lastIndexOf('.')))).isEmpty();
        assertThat(links.verify("account-1")).isEmpty();
        assertThat(links.verify("account-1.%%%")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
    }

    @Test
    void theDevelopmentKeySignsLinksOnALocalPlatformOnly() {
        NotificationProperties development = properties(UnsubscribeLinks.DEVELOPMENT_SECRET);
        MockEnvironment production = new MockEnvironment().withProperty("icm.notification.unsubscribe-secret", UnsubscribeLinks.DEVELOPMENT_SECRET);
        assertThatThrownBy(() -> new UnsubscribeLinks(development, production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("icm.notification.unsubscribe-secret is the development default");
        MockEnvironment local = new MockEnvironment().withProperty("icm.notification.unsubscribe-secret", UnsubscribeLinks.DEVELOPMENT_SECRET)
                .withProperty("icm.local-platform", "true");
        assertThat(new UnsubscribeLinks(development, local).token("a")).startsWith("a.");
    }

    @Test
    void theWaitDoublesUpToTheMaximumAndAShortSecretIsRefused() {
        NotificationProperties p = properties("a-secret-of-enough-length");

        assertThat(p.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.retryDelay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.retryDelay(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.retryDelay(5)).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> properties("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
