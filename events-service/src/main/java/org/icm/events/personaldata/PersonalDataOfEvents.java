package org.icm.events.personaldata;

import java.time.Instant;
import java.util.Map;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.events.calendar.FeedTokens;
import org.icm.service.privacy.PersonalDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What events-service holds about a person, for their copy: registrations, bulletins, whether they have a calendar feed. */
@Configuration
class PersonalDataOfEvents {

    record Registration(String meetingId, String title, Instant startsAt, String meetingStatus, String place) {
    }

    record PostedBulletin(String bulletinId, String title, String text, boolean retracted) {
    }

    @Bean
    PersonalDataSource personalDataMeetingRegistrations(CalendarReadModel calendar) {
        return PersonalDataSource.of("meetingRegistrations", personId -> calendar.registrationsOf(personId).stream().map(view -> view.state())
                .map(meeting -> new Registration(meeting.id(), meeting.title(), meeting.startsAt(), String.valueOf(meeting.status()),
                        meeting.confirmedOf(personId).isPresent() ? "CONFIRMED" : "WAITING")).toList());
    }

    @Bean
    PersonalDataSource personalDataBulletins(CalendarReadModel calendar) {
        return PersonalDataSource.of("bulletins", personId -> calendar.bulletinsBy(personId).stream().map(view -> view.state())
                .map(bulletin -> new PostedBulletin(bulletin.id(), bulletin.title(), bulletin.text(), bulletin.retracted())).toList());
    }

    @Bean
    PersonalDataSource personalDataPersonalCalendarFeed(FeedTokens feedTokens) {
        return PersonalDataSource.of("personalCalendarFeed", personId -> Map.of("issued", feedTokens.issued(personId)));
    }
}
