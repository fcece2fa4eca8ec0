package org.icm.service.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The locks of {@link ScheduledJobs}: a {@code shedLock} collection in the service's own MongoDB database. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass({MongoLockProvider.class, MongoDatabaseFactory.class})
public class ScheduledJobsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    @ConditionalOnBean(MongoDatabaseFactory.class)
    LockProvider scheduledJobLocks(MongoDatabaseFactory mongo) {
        return new MongoLockProvider(mongo.getMongoDatabase());
    }

    @Bean
    @ConditionalOnBean(LockProvider.class)
    ScheduledJobs scheduledJobs(LockProvider locks) {
        return new ScheduledJobs(locks);
    }
}
