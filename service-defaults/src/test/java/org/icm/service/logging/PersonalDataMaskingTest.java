package org.icm.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The services' log configuration as deployed (logback-spring.xml), writing to the console as the launcher reads it. */
class PersonalDataMaskingTest {

    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl";

    @Test
    void addressesAndTokensNeverReachTheLogNeitherInAMessageNorInAnException() throws Exception {
        String log = logged(context -> context.getLogger("org.icm.example").warn("mail to {} failed, bearer {}", "ana.ruiz+icm@example.org",
                TOKEN, new IllegalStateException("550 mailbox ana.ruiz+icm@example.org unknown")));

        assertThat(log).contains("mail to [e-mail] failed, bearer [token]", "550 mailbox [e-mail] unknown",
                "java.lang.IllegalStateException", "at org.icm.service.logging.PersonalDataMaskingTest")
                .doesNotContain("ana.ruiz").doesNotContain("example.org").doesNotContain(TOKEN);
    }

    @Test
    void structuredLogLinesAreJsonWithTheSameMasking() throws Exception {
        String log = logged("ecs", context -> context.getLogger("org.icm.example").warn("mail to {} failed, bearer {}", "ana.ruiz+icm@example.org",
                TOKEN, new IllegalStateException("550 mailbox ana.ruiz+icm@example.org unknown")));

        assertThat(JsonPath.<String>read(log, "$.log.level")).isEqualTo("WARN");
        assertThat(JsonPath.<String>read(log, "$.message")).isEqualTo("mail to [e-mail] failed, bearer [token]");
        assertThat(JsonPath.<String>read(log, "$.error.message")).isEqualTo("550 mailbox [e-mail] unknown");
        assertThat(JsonPath.<String>read(log, "$.ecs.version")).isNotBlank();
        assertThat(log).doesNotContain("ana.ruiz").doesNotContain("example.org").doesNotContain(TOKEN);
    }

    @Test
    void everythingElseIsLoggedAsItWas() throws Exception {
        String log = logged(context -> context.getLogger("org.icm.example").info("dossier {} moved to TRILOGUE at 10:00 (v@2)", "d-1"));

        assertThat(log).contains("dossier d-1 moved to TRILOGUE at 10:00 (v@2)");
    }

    private interface Logging {
        void log(LoggerContext context);
    }

    private static String logged(Logging logging) throws Exception {
        return logged("", logging);
    }

    /** {@code structuredFormat}: what {@code logging.structured.format.console} says, empty for the readable log. */
    private static String logged(String structuredFormat, Logging logging) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        // what Spring Boot's logging system gives the configuration: the chosen format and the environment
        context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", structuredFormat);
        MockEnvironment environment = new MockEnvironment()
                .withProperty("logging.structured.json.customizer", MaskedLogMembers.class.getName())
                .withProperty("spring.application.name", "policy-service");
        context.putObject(Environment.class.getName(), environment);
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(PersonalDataMaskingTest.class.getResource("/logback-spring.xml"));
            logging.log(context);
        } finally {
            context.stop();
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
