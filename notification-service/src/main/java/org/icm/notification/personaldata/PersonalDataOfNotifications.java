package org.icm.notification.personaldata;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.icm.notification.directory.Account;
import org.icm.notification.feed.Notification;
import org.icm.notification.mail.Delivery;
import org.icm.notification.subscription.Subscription;
import org.icm.service.privacy.PersonalDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** What notification-service holds about a person, for their copy: the address it writes to, what they follow, their feed, their mails. */
@Configuration
class PersonalDataOfNotifications {

    @Bean
    PersonalDataSource personalDataNotificationAccount(MongoTemplate mongo) {
        return PersonalDataSource.of("account", personId -> mongo.findById(personId, Account.class));
    }

    @Bean
    PersonalDataSource personalDataSubscription(MongoTemplate mongo) {
        return PersonalDataSource.of("subscription", personId -> mongo.findById(personId, Subscription.class));
    }

    @Bean
    PersonalDataSource personalDataFeed(MongoTemplate mongo) {
        return PersonalDataSource.of("notifications", personId -> mongo.find(theirs(personId), Notification.class));
    }

    @Bean
    PersonalDataSource personalDataMails(MongoTemplate mongo) {
        return PersonalDataSource.of("mails", personId -> mongo.find(theirs(personId), Delivery.class));
    }

    private static Query theirs(String personId) {
        return Query.query(where("accountId").is(personId)).with(Sort.by("_id"));
    }
}
