package org.icm.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code icm-defaults.yml} (what every service shares: Axon without Axon Server, the JSON serializer,
 * durable Kafka publishing, the JWT issuer, actuator exposure) as the last property source, so each
 * service's own configuration, the environment and the command line all override it.
 */
public class IcmDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "icm-defaults";
    /** Axon 4.13 reports usage to get.axoniq.io unless this system property is set; our services never call out. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource("icm-defaults.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read icm-defaults.yml", e);
        }
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml) is loaded, so addLast really puts the defaults below it
        return Ordered.LOWEST_PRECEDENCE;
    }
}
