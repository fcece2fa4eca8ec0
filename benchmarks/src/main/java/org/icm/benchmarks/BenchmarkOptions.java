package org.icm.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of {@link PolicyWriteBenchmark} does.
 *
 * @param clients            concurrent HTTP clients, and as many JDBC threads on the raw side
 * @param commands           measured commands, and as many measured raw rows
 * @param dossiers           dossiers (one measure each) the commands are spread over
 * @param warmup             commands (and raw rows) sent before measuring, not counted
 * @param readModel          whether the dossier catalogue (read model) keeps projecting during the load; off is a
 *                           diagnostic that shows what the projection costs the write side
 * @param serviceProperties  Spring properties passed to policy-service as they are, to try a setting
 */
record BenchmarkOptions(int clients, int commands, int dossiers, int warmup, boolean readModel, Map<String, String> serviceProperties,
                        boolean help) {

    static final int DEFAULT_CLIENTS = 4;
    static final int DEFAULT_COMMANDS = 3_000;
    static final int DEFAULT_DOSSIERS = 200;
    static final int DEFAULT_WARMUP = 2_000;

    static final String USAGE = """
            usage: PolicyWriteBenchmark [--clients=N] [--commands=M] [--dossiers=D] [--warmup=W] [--<spring.property>=<value> ...]
              --clients=N    concurrent HTTP clients, one request at a time each; the raw side uses N JDBC threads (default %d)
              --commands=M   measured commands; the raw side appends M rows (default %d)
              --dossiers=D   dossiers, one measure each, the commands are spread over (default %d)
              --warmup=W     commands, and raw rows, before measuring (default %d)
              --read-model=off  diagnostic: stop the dossier-catalogue projection after the set-up (default on)
              --a.b=value    any option whose name has a dot is a Spring property for policy-service,
                             e.g. --spring.datasource.hikari.maximum-pool-size=16
            """.formatted(DEFAULT_CLIENTS, DEFAULT_COMMANDS, DEFAULT_DOSSIERS, DEFAULT_WARMUP);

    BenchmarkOptions {
        serviceProperties = Map.copyOf(serviceProperties);
    }

    static BenchmarkOptions parse(String... args) {
        int clients = DEFAULT_CLIENTS;
        int commands = DEFAULT_COMMANDS;
        int dossiers = DEFAULT_DOSSIERS;
        int warmup = DEFAULT_WARMUP;
        boolean readModel = true;
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
                case "read-model" -> readModel = onOff(name, value);
                default -> {
                    if (!name.contains(".")) {
                        throw new IllegalArgumentException("unknown option --" + name);
                    }
                    properties.put(name, value);
                }
            }
        }
        return new BenchmarkOptions(clients, commands, dossiers, warmup, readModel, properties, help);
    }

    private static boolean onOff(String name, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be on or off, not '" + value + "'");
        };
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
