package org.icm.service.privacy;

import java.util.List;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Every service reaches the platform's key store: personal values it writes where nothing is erased are sealed with it. */
@AutoConfiguration
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(PersonalDataKeys.class)
    PostgresPersonalDataKeys personalDataKeys(PersonalDataProperties properties) {
        PostgresPersonalDataKeys keys = PostgresPersonalDataKeys.connect(properties);
        int rewrapped = keys.rotate();
        if (rewrapped > 0) {
            log.info("Rewrapped {} people's keys with the current key-encryption key", rewrapped);
        }
        return keys;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    PersonalDataExportController personalDataExportController(Environment environment, List<PersonalDataSource> sources) {
        return new PersonalDataExportController(environment.getProperty("spring.application.name", "unnamed-service"), sources);
    }
}
