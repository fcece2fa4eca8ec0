package org.icm.notification.mail;

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
        UnsubscribeLinks links = new UnsubscribeLinks(properties("a-secret-of-enough-length"));
        UnsubscribeLinks otherSecret = new UnsubscribeLinks(properties("another-secret-of-enough-length"));
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
    void theWaitDoublesUpToTheMaximumAndAShortSecretIsRefused() {
        NotificationProperties p = properties("a-secret-of-enough-length");

        assertThat(p.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.retryDelay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.retryDelay(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.retryDelay(5)).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> properties("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
