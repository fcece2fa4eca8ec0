package org.icm.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogMessage;

class SpringLoggingTest {

    @Test
    void aDisabledDebugMessageIsNeverFormatted() {
        Log log = LogFactory.getLog("org.springframework.security.web.FilterChainProxy");
        assertThat(log.isDebugEnabled()).isFalse();
        boolean[] formatted = {false};

        log.debug(LogMessage.of(() -> {
            formatted[0] = true;
            return "a message Spring Security writes on each request";
        }));

        // commons-logging's SLF4J bridge would have called the supplier; its Log4j API bridge checks the level first
        assertThat(formatted[0]).isFalse();
    }
}
