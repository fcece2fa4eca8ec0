package org.icm.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of {@link PolicyWriteBenchmark} does.
 *
 * @param clients            concurrent HTTP clients, the same on both sides
 * @param commands           measured commands on each side
 * @param dossiers           dossiers (one measure each) the commands are spread over
 * @param warmup             commands of one warm-up round; rounds are repeated until the JIT is quiet (0: no warm-up)
 * @param warmupRounds       at most this many warm-up rounds per side
 * @param serviceJvm         the JVM flags both services run with, as the platform deploys them
 * @param policyJar          policy-service's runnable jar
 * @param serviceProperties  Spring properties passed to policy-service as they are, to try a setting
 */
record BenchmarkOptions(int clients, int commands, int dossiers, int warmup, int warmupRounds, ServiceJvm.Flags serviceJvm, Path policyJar,
                        Map<String, String> serviceProperties, boolean help) {

    static final int DEFAULT_CLIENTS = 4;
    static final int DEFAULT_COMMANDS = 3_000;
    static final int DEFAULT_DOSSIERS = 200;
    static final int DEFAULT_WARMUP = 2_000;
    static final int DEFAULT_WARMUP_ROUNDS = 10;
    static final Path DEFAULT_POLICY_JAR = Path.of("policy-service/target/policy-service-exec.jar");

    static final String USAGE = """
            usage: PolicyWriteBenchmark [--clients=N] [--commands=M] [--dossiers=D] [--warmup=W] [--warmup-rounds=R]
                                        [--service-jvm=image|launcher] [--policy-jar=PATH] [--<spring.property>=<value> ...]
              --clients=N        concurrent HTTP clients, one request at a time each, on both sides (default %d)
              --commands=M       measured commands on each side (default %d)
              --dossiers=D       dossiers, one measure each, the commands are spread over (default %d)
              --warmup=W         commands of one warm-up round, on each side; rounds are repeated until the JIT compilers
                                 used at most %.0f%% of the service's CPU in the last one (default %d; 0: no warm-up)
              --warmup-rounds=R  at most R warm-up rounds on each side (default %d)
              --service-jvm=F    JVM flags of both services: image (the Docker image's) or launcher (the local platform's)
                                 (default image)
              --policy-jar=PATH  policy-service's runnable jar (default %s)
              --a.b=value        any option whose name has a dot is a Spring property for policy-service,
                                 e.g. --spring.datasource.hikari.maximum-pool-size=16
            """.formatted(DEFAULT_CLIENTS, DEFAULT_COMMANDS, DEFAULT_DOSSIERS, PolicyWriteBenchmark.JIT_QUIET * 100, DEFAULT_WARMUP,
            DEFAULT_WARMUP_ROUNDS, DEFAULT_POLICY_JAR);

    BenchmarkOptions {
        serviceProperties = Map.copyOf(serviceProperties);
    }

    static BenchmarkOptions parse(String... args) {
        int clients = DEFAULT_CLIENTS;
        int commands = DEFAULT_COMMANDS;
        int dossiers = DEFAULT_DOSSIERS;
        int warmup = DEFAULT_WARMUP;
        int warmupRounds = DEFAULT_WARMUP_ROUNDS;
        ServiceJvm.Flags serviceJvm = ServiceJvm.Flags.IMAGE;
        Path policyJar = DEFAULT_POLICY_JAR;
        boolean help = false;
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue; // what an empty -Dbenchmark.args leaves
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            switch (name) {
                case "clients" -> clients = positive(name, value, 1_000);
                case "commands" -> commands = positive(name, value, 10_000_000);
                case "dossiers" -> dossiers = positive(name, value, 100_000);
                case "warmup" -> warmup = count(name, value, 10_000_000);
                case "warmup-rounds" -> warmupRounds = positive(name, value, 1_000);
                case "service-jvm" -> serviceJvm = flags(name, value);
                case "policy-jar" -> policyJar = Path.of(value);
                case "read-model" -> throw new IllegalArgumentException("--read-model is gone: policy-service runs in its own JVM now, and the"
                        + " CPU by role shows what its dossier-catalogue projection costs");
                default -> {
                    if (!name.contains(".")) {
                        throw new IllegalArgumentException("unknown option --" + name);
                    }
                    properties.put(name, value);
                }
            }
        }
        return new BenchmarkOptions(clients, commands, dossiers, warmup, warmupRounds, serviceJvm, policyJar, properties, help);
    }

    private static ServiceJvm.Flags flags(String name, String value) {
        try {
            return ServiceJvm.Flags.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " must be image or launcher, not '" + value + "'");
        }
    }

    private static int positive(String name, String value, int max) {
        int number = count(name, value, max);
        if (number < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return number;
    }

    private static int count(String name, String value, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 0 || number > max) {
                throw new IllegalArgumentException("--" + name + " must be between 0 and " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }
}
