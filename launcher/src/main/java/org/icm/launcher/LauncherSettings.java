package org.icm.launcher;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.icm.infrastructure.InfrastructureSettings;

/**
 * What the launcher runs where. Every value has a default and can be changed with {@code --name=value}
 * on the command line (e.g. {@code --data=/srv/icm --gateway-port=9080}). A platform started on an empty data folder
 * loads the sample content (organisations, EU dossiers) on its first start; {@code --sample-content} loads it at every
 * start, {@code --no-sample-content} never (loading twice changes nothing).
 */
public record LauncherSettings(Path home, Path data, Map<String, Integer> ports, SampleContent sampleContent) {

    /** When the sample organisations and dossiers are loaded. */
    public enum SampleContent { ON_FIRST_START, ON_EVERY_START, NEVER }

    /** The options and their defaults; ports in the order they are checked. */
    public static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway-port", 8080);
        ports.put("membership-port", 8081);
        ports.put("policy-port", 8082);
        ports.put("events-port", 8083);
        ports.put("notification-port", 8084);
        ports.put("web-port", 8085);
        ports.put("kafka-port", 9092);
        ports.put("postgres-port", 5432);
        ports.put("mongo-port", 27017);
        ports.put("smtp-port", 2525);
        ports.put("imap-port", 3143);
        return Collections.unmodifiableMap(ports);
    }

    static LauncherSettings parse(String... args) {
        Path home = Path.of("").toAbsolutePath();
        Path data = null;
        Map<String, Integer> ports = new LinkedHashMap<>(DEFAULT_PORTS);
        SampleContent sampleContent = SampleContent.ON_FIRST_START;
        for (String arg : args) {
            if (arg.equals("--sample-content") || arg.equals("--no-sample-content")) {
                sampleContent = arg.equals("--sample-content") ? SampleContent.ON_EVERY_START : SampleContent.NEVER;
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new LaunchException("unknown argument '" + arg + "'; options look like --data=./data or --gateway-port=8080");
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            switch (name) {
                case "home" -> home = Path.of(value).toAbsolutePath();
                case "data" -> data = Path.of(value).toAbsolutePath();
                default -> {
                    if (!ports.containsKey(name)) {
                        throw new LaunchException("unknown option --" + name + "; known: --home, --data, --sample-content, --no-sample-content, --"
                                + String.join(", --", ports.keySet()));
                    }
                    try {
                        ports.put(name, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new LaunchException("--" + name + " must be a port number, not '" + value + "'");
                    }
                }
            }
        }
        return new LauncherSettings(home, data != null ? data : home.resolve("data"), ports, sampleContent);
    }

    /** Every port the platform will listen on, with what listens there; Kafka's controller takes the port after Kafka's. */
    Map<Integer, String> listeners() {
        Map<Integer, String> listeners = new LinkedHashMap<>();
        ports.forEach((option, port) -> listeners.put(port, option.replace("-port", "")));
        listeners.put(port("kafka") + 1, "kafka controller (--kafka-port + 1)");
        return listeners;
    }

    int port(String name) {
        return ports.get(name + "-port");
    }

    InfrastructureSettings infrastructure() {
        return new InfrastructureSettings(data, true, port("kafka"), port("postgres"), port("mongo"), port("smtp"), port("imap"),
                InfrastructureSettings.SERVICE_DATABASES);
    }

    Path logs() {
        return data.resolve("logs");
    }
}
