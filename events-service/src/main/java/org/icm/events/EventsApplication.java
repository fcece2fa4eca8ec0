package org.icm.events;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class EventsApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventsApplication.class, args);
    }

    /** "Now" for every rule that judges time (registrations close at the start, deadlines pass); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
