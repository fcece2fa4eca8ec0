package org.icm.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring test context of events-service (every HTTP test uses this annotation, so Spring caches one
 * context): the service on a random port against the shared embedded infrastructure, with a clock tests move
 * forward and the consultation-closing job running every 200 ms.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "icm.events.consultation-closing.interval=PT0.2S",
        "icm.events.consultation-closing.initial-delay=PT0S"})
@Import(EventsServiceTest.TestClock.class)
public @interface EventsServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            // starts at the real time (times in tests are relative to it); tests only ever move it forward
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
