package org.icm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.icm.infrastructure.EmbeddedInfrastructure;
import org.icm.infrastructure.Infrastructure;
import org.icm.infrastructure.InfrastructureSettings;
import org.icm.policy.PolicyApplication;
import org.icm.testing.TestTokens;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every policy-service benchmark stands on: the embedded infrastructure on free loopback ports, PostgreSQL
 * durable (fsync and synchronous commits on, as the local platform runs it) with its data in a fresh folder,
 * a test token issuer, and policy-service in this JVM on a free loopback port with WARN logs ({@link #start}), or
 * only the servers and the issuer, for a benchmark that runs the service in its own JVM ({@link #serversOnly},
 * {@link ServiceJvm}). Closing it stops the service, then the servers, and deletes the data; safe to call twice
 * (normal end and Ctrl-C).
 */
final class PolicyServiceRun implements AutoCloseable {

    static final String DATABASE = "policy";

    private Path dataFolder;
    private Infrastructure infrastructure;
    private ConfigurableApplicationContext service;
    private final TestTokens tokens = TestTokens.get();

    private PolicyServiceRun() {
    }

    /** Starts the servers, then the service with these Spring properties (they outrank its own). */
    static PolicyServiceRun start(Map<String, String> serviceProperties) throws IOException {
        PolicyServiceRun run = serversOnly();
        say("starting policy-service in this JVM ...");
        long begin = System.nanoTime();
        run.service = run.startService(serviceProperties);
        say("policy-service answers at %s (started in %.1f s)", run.baseUrl(), (System.nanoTime() - begin) / 1e9);
        return run;
    }

    /** Starts the servers and the token issuer only: no service in this JVM. */
    static PolicyServiceRun serversOnly() throws IOException {
        PolicyServiceRun run = new PolicyServiceRun();
        run.dataFolder = Files.createTempDirectory("icm-benchmark-");
        say("starting PostgreSQL (durable), Kafka, MongoDB-wire and SMTP on free loopback ports, data in %s ...", run.dataFolder);
        run.infrastructure = EmbeddedInfrastructure.start(new InfrastructureSettings(run.dataFolder, true, 0, 0, 0, 0, 0,
                List.of(DATABASE, InfrastructureSettings.KEY_STORE_DATABASE)));
        return run;
    }

    private ConfigurableApplicationContext startService(Map<String, String> serviceProperties) {
        Map<String, String> properties = new LinkedHashMap<>(infrastructure.springProperties());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("icm.security.issuer", TestTokens.ISSUER);
        properties.put("icm.security.jwk-set-uri", tokens.jwkSetUri());
        properties.put("logging.level.root", "WARN");
        properties.put("springdoc.api-docs.enabled", "false");
        properties.putAll(serviceProperties);
        // command-line arguments outrank the service's own application.yml (server.port: 8082 there)
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        SpringApplication application = new SpringApplication(PolicyApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        return application.run(arguments);
    }

    ConfigurableApplicationContext service() {
        return service;
    }

    TestTokens tokens() {
        return tokens;
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    Path dataFolder() {
        return dataFolder;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + infrastructure.postgresHost() + ":" + infrastructure.postgresPort() + "/" + DATABASE;
    }

    String postgresUser() {
        return infrastructure.postgresUser();
    }

    String postgresPassword() {
        return infrastructure.postgresPassword();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), infrastructure.postgresUser(), infrastructure.postgresPassword());
    }

    /** Stops the service; PostgreSQL and the other servers keep running. */
    synchronized void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    @Override
    public synchronized void close() {
        stopService();
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
        if (dataFolder != null) {
            try (Stream<Path> paths = Files.walk(dataFolder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dataFolder + ": " + e);
            }
            dataFolder = null;
        }
    }

    /**
     * Runs a benchmark that stands on a run, closes the run whatever happens, and exits with the benchmark's code (1 when
     * it could not run: its figures mean nothing).
     */
    static void exitWith(Callable<Integer> benchmark, Supplier<PolicyServiceRun> run) {
        int exitCode;
        try {
            exitCode = benchmark.call();
        } catch (Exception e) {
            System.err.println("The benchmark could not run: " + e);
            e.printStackTrace();
            exitCode = 1;
        } finally {
            if (run.get() != null) {
                run.get().close();
            }
        }
        System.exit(exitCode);
    }

    static void say(String format, Object... values) {
        System.out.println("-- " + String.format(java.util.Locale.ROOT, format, values));
    }
}
