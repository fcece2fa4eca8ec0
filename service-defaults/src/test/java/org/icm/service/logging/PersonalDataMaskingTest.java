package org.icm.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
    void everythingElseIsLoggedAsItWas() throws Exception {
        String log = logged(context -> context.getLogger("org.icm.example").info("dossier {} moved to TRILOGUE at 10:00 (v@2)", "d-1"));

        assertThat(log).contains("dossier d-1 moved to TRILOGUE at 10:00 (v@2)");
    }

    private interface Logging {
        void log(LoggerContext context);
    }

    private static String logged(Logging logging) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
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
