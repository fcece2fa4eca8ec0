package org.icm.benchmarks.crud;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CRUD baseline of {@code PolicyWriteBenchmark} (issue 18, W1): what a team would build instead of the event-sourced
 * policy-service to record procedure steps. The same Spring Boot web stack (Tomcat, Spring MVC, Jackson, actuator,
 * metrics and tracing as every service has them), the same JWT resource-server security (service-defaults'
 * {@code IcmSecurityAutoConfiguration}: the platform's issuer and key set, a focal point required), the same request body
 * validated with Bean Validation, and one row per request with one durable JDBC commit into a table of the same
 * PostgreSQL. No event sourcing, no read model, no outbox: Axon's, Kafka's and MongoDB's auto-configurations, and
 * service-defaults' ones that stand on them, are left out ({@link #unrelatedAutoConfigurations}).
 *
 * <p>Run by the benchmark as its own JVM, with the service's JVM flags, from the benchmarks' jar:
 * {@code java -Dloader.main=org.icm.benchmarks.crud.CrudStepsApplication -cp benchmarks-exec.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher --icm.database=policy ...}.
 */
@SpringBootApplication
public class CrudStepsApplication {

    /** Auto-configurations of what the baseline does without: the event store, Kafka (the outbox), MongoDB (read models). */
    private static final Pattern UNRELATED = Pattern.compile(
            "axon|kafka|mongo|shedlock|org\\.icm\\.service\\.(axon|integration|metrics|privacy|scheduling)\\.");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CrudStepsApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.application.name", "crud-steps",
                "spring.autoconfigure.exclude", String.join(",", unrelatedAutoConfigurations())));
        application.run(args);
    }

    /** Every auto-configuration on the class path (the benchmarks' jar holds policy-service's) that the baseline leaves out. */
    static List<String> unrelatedAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, CrudStepsApplication.class.getClassLoader()).getCandidates().stream()
                .filter(name -> UNRELATED.matcher(name.toLowerCase(Locale.ROOT)).find())
                .toList();
    }

    /** The table, made at start-up when missing (the benchmark's PostgreSQL is fresh each run). */
    @Bean
    ApplicationRunner stepTable(JdbcTemplate jdbc) {
        return arguments -> {
            jdbc.execute("""
                    create table if not exists %s (
                        step_id uuid primary key,
                        dossier_id varchar(80) not null,
                        measure_id varchar(80) not null,
                        stage varchar(40) not null,
                        effective_date date not null,
                        note text,
                        document_reference text,
                        recorded_by varchar(80) not null,
                        organisation varchar(80) not null,
                        recorded_at timestamptz not null
                    )""".formatted(StepController.TABLE));
            jdbc.execute("create index if not exists " + StepController.TABLE + "_measure on " + StepController.TABLE + " (dossier_id, measure_id)");
        };
    }
}
