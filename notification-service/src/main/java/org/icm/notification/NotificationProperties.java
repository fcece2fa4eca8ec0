package org.icm.notification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the notification service is configured with ({@code icm.notification.*}, defaults in application.yml).
 *
 * @param webBaseUrl         where the platform's pages live; notification links are paths under it
 * @param unsubscribeBaseUrl where this service's unsubscribe endpoint is reached from outside (through the gateway)
 * @param unsubscribeMailto  an address for mailto unsubscribing, or blank for none
 * @param unsubscribeSecret  the HMAC key that signs one-click unsubscribe links (never logged)
 * @param mailFrom           the sender of every mail
 * @param zone               the local time zone of digests, reminders and the dates in texts
 * @param digestTime         the local time at which daily and weekly digests go out
 * @param weeklyDigestDay    the day on which weekly digests go out
 * @param mailMaxAttempts    how often a mail is tried before it is given up (FAILED in the delivery log)
 * @param mailRetryBase      the wait after the first failed attempt; it doubles after each further one
 * @param mailRetryMax       the longest wait between two attempts
 */
@ConfigurationProperties("icm.notification")
public record NotificationProperties(String webBaseUrl, String unsubscribeBaseUrl, String unsubscribeMailto, String unsubscribeSecret,
                                     String mailFrom, ZoneId zone, LocalTime digestTime, DayOfWeek weeklyDigestDay,
                                     int mailMaxAttempts, Duration mailRetryBase, Duration mailRetryMax) {

    public NotificationProperties {
        if (unsubscribeSecret == null || unsubscribeSecret.length() < 16) {
            throw new IllegalArgumentException("icm.notification.unsubscribe-secret must be set, at least 16 characters");
        }
    }

    /** The wait before attempt number {@code attemptsMade + 1}: base, 2 x base, 4 x base ... at most the maximum. */
    public Duration retryDelay(int attemptsMade) {
        Duration delay = mailRetryBase.multipliedBy(1L << Math.min(Math.max(attemptsMade - 1, 0), 20));
        return delay.compareTo(mailRetryMax) > 0 ? mailRetryMax : delay;
    }
}
