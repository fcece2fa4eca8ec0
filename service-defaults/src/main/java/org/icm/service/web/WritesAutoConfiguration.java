package org.icm.service.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** {@link Writes} for the controllers of every service that sends Axon commands. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnClass(CommandGateway.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WritesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CommandGateway.class)
    Writes writes(CommandGateway commands) {
        return new Writes(commands);
    }
}
