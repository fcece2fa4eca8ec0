package org.icm.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's limits ({@code icm.gateway.*}).
 *
 * @param rateLimit      request rates, one token bucket per account (the token's subject) and, for anonymous callers,
 *                       one per client address
 * @param maxRequestBody the largest request body passed on; larger ones get 413
 */
@ConfigurationProperties("icm.gateway")
public record LimitProperties(@DefaultValue RateLimit rateLimit, @DefaultValue("1MB") DataSize maxRequestBody) {

    /**
     * @param account   the bucket of each signed-in account
     * @param anonymous the bucket of each client address without a token
     * @param buckets   at most this many buckets are kept (least recently used go first)
     */
    public record RateLimit(@DefaultValue({"100", "20", "1s"}) Bucket account, @DefaultValue({"100", "50", "1s"}) Bucket anonymous,
                            @DefaultValue("100000") long buckets) {
    }

    /**
     * A token bucket: holds up to {@code capacity} requests (the burst), refilled with {@code refill} every {@code period}.
     */
    public record Bucket(long capacity, long refill, Duration period) {

        public Bucket {
            if (capacity < 1 || refill < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate-limit bucket needs capacity >= 1, refill >= 1 and a positive period");
            }
        }

        /** How long an idle bucket takes to fill up again: after that, forgetting it changes nothing. */
        Duration fullAfter() {
            return period.multipliedBy(Math.max(1, (capacity + refill - 1) / refill));
        }
    }
}
