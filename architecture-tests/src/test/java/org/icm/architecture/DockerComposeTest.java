package org.icm.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production-like topology in {@code docker-compose.yml} keeps its promises: pinned images, a
 * healthcheck on every container, nothing started before what it needs is healthy, and every service
 * and the gateway built from this repository and wired to infrastructure that exists in the file.
 *
 * <p>{@code docker-compose config -q} checks the syntax; this test checks the meaning. Surefire runs
 * with this module's directory as working directory, so the repository root is {@code ..}.
 */
class DockerComposeTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Path COMPOSE_FILE = REPOSITORY.resolve("docker-compose.yml");
    private static final Path DOCKERFILE = REPOSITORY.resolve("Dockerfile");

    /** The event-sourced services and their PostgreSQL databases (their {@code icm.database}). */
    private static final Map<String, String> EVENT_SOURCED = orderedMap(
            "membership-service", "membership",
            "policy-service", "policy",
            "events-service", "events");

    private static final List<String> SERVICES = List.of(
            "membership-service", "policy-service", "events-service", "notification-service");

    /** Compose service name = Maven module name for every application container. */
    private static final List<String> APPLICATIONS = Stream.concat(SERVICES.stream(), Stream.of("web", "gateway")).toList();

    /** The gateway's {@code icm.services.<name>} entries and the service each one must reach. */
    private static final Map<String, String> GATEWAY_ROUTES = orderedMap(
            "ICM_SERVICES_MEMBERSHIP", "membership-service",
            "ICM_SERVICES_POLICY", "policy-service",
            "ICM_SERVICES_EVENTS", "events-service",
            "ICM_SERVICES_NOTIFICATIONS", "notification-service",
            "ICM_WEB_CLIENT_URI", "web");

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private static Map<String, Map<String, Object>> services;
    /** The same, as written: variables not yet replaced by their defaults. */
    private static Map<String, Object> written;

    @BeforeAll
    static void readComposeFile() throws IOException {
        assertTrue(Files.isRegularFile(COMPOSE_FILE), "no docker-compose.yml at " + COMPOSE_FILE.toAbsolutePath().normalize());
        Object yaml = readYaml(COMPOSE_FILE);
        written = map(map(yaml, "docker-compose.yml").get("services"), "services");
        Map<String, Object> compose = map(interpolate(yaml), "docker-compose.yml");
        Map<String, Object> declared = map(compose.get("services"), "services");
        services = new LinkedHashMap<>();
        declared.forEach((name, definition) -> services.put(name, map(definition, "service " + name)));
        assertTrue(!services.isEmpty(), "docker-compose.yml declares no services");
    }

    @Test
    void everyServiceRunsAPinnedImageOrOneBuiltHere() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            Object image = service.get("image");
            if (image == null && !service.containsKey("build")) {
                problems.add(name + ": neither an image nor a build section");
            }
            if (image != null) {
                String problem = unpinned(String.valueOf(image));
                if (problem != null) {
                    problems.add(name + ": image " + image + " " + problem);
                }
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void theDockerfileBuildsOnPinnedImagesForAModuleChosenByBuildArgument() throws IOException {
        assertTrue(Files.isRegularFile(DOCKERFILE), "no Dockerfile at the repository root");
        List<String> lines = Files.readAllLines(DOCKERFILE);
        assertTrue(lines.stream().anyMatch(line -> line.strip().matches("ARG\\s+MODULE(\\s*=.*)?")),
                "the Dockerfile declares no build argument MODULE");
        List<String> stages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (!words[0].equalsIgnoreCase("FROM")) {
                continue;
            }
            List<String> arguments = Stream.of(words).skip(1).filter(word -> !word.startsWith("--")).toList();
            String image = arguments.getFirst();
            if (!stages.contains(image)) {
                String problem = unpinned(image);
                if (problem != null) {
                    problems.add("Dockerfile: FROM " + image + " " + problem);
                }
            }
            if (arguments.size() >= 3 && arguments.get(1).equalsIgnoreCase("AS")) {
                stages.add(arguments.get(2));
            }
        }
        assertTrue(lines.stream().anyMatch(line -> line.strip().toUpperCase(Locale.ROOT).startsWith("FROM ")),
                "the Dockerfile has no FROM");
        assertNoProblems(problems);
    }

    @Test
    void everyServiceHasAHealthcheck() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck)) {
                problems.add(name + ": no healthcheck");
                return;
            }
            String test = command(healthcheck.get("test"));
            if (Boolean.TRUE.equals(healthcheck.get("disable")) || test.isBlank() || test.equals("NONE")) {
                problems.add(name + ": healthcheck disabled or without a test");
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void everyDependencyWaitsUntilWhatItNeedsIsHealthy() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            if (!(dependsOn instanceof Map<?, ?> dependencies)) {
                problems.add(name + ": depends_on is a list, which only waits until the others are started");
                return;
            }
            dependencies.forEach((dependency, options) -> {
                if (!services.containsKey(String.valueOf(dependency))) {
                    problems.add(name + ": depends on " + dependency + ", which is not in the file");
                }
                Object condition = options instanceof Map<?, ?> map ? map.get("condition") : null;
                if (!"service_healthy".equals(condition)) {
                    problems.add(name + ": depends on " + dependency + " with condition " + condition + ", not service_healthy");
                }
            });
        });
        assertNoProblems(problems);
    }

    @Test
    void everyServiceAndTheGatewayIsBuiltFromTheRepositoryDockerfile() {
        List<String> problems = new ArrayList<>();
        for (String module : APPLICATIONS) {
            Map<String, Object> service = services.get(module);
            if (service == null) {
                problems.add(module + ": missing");
                continue;
            }
            if (!(service.get("build") instanceof Map<?, ?> build)) {
                problems.add(module + ": no build section with context, dockerfile and args");
                continue;
            }
            Object context = build.get("context");
            if (context == null || !Path.of(String.valueOf(context)).normalize().toString().isEmpty()) {
                problems.add(module + ": build context is " + context + ", not the repository root (.)");
            }
            Object dockerfile = build.get("dockerfile");
            if (dockerfile != null && !Path.of(String.valueOf(dockerfile)).normalize().equals(Path.of("Dockerfile"))) {
                problems.add(module + ": built from " + dockerfile + ", not the repository's Dockerfile");
            }
            String moduleArgument = keyValues(build.get("args")).get("MODULE");
            if (!module.equals(moduleArgument)) {
                problems.add(module + ": build argument MODULE is " + moduleArgument + ", not " + module);
            }
            if (!Files.isRegularFile(REPOSITORY.resolve(module).resolve("pom.xml"))) {
                problems.add(module + ": no Maven module " + module + " in the repository");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void theGatewayIsPublishedOnPort8080() {
        Map<String, Object> gateway = services.get("gateway");
        assertTrue(gateway != null, "no gateway service");
        boolean published = list(gateway.get("ports")).stream().anyMatch(port -> publishes(port, 8080, 8080));
        assertTrue(published, "the gateway does not publish container port 8080 on host port 8080: " + gateway.get("ports"));
    }

    @Test
    void healthchecksProbeTheActuatorOnTheApplicationsOwnPort() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : APPLICATIONS) {
            Map<String, Object> service = services.get(module);
            if (service == null || !(service.get("healthcheck") instanceof Map<?, ?> healthcheck)) {
                problems.add(module + ": no healthcheck");
                continue;
            }
            String probe = "localhost:" + serverPort(module) + "/actuator/health";
            String test = command(healthcheck.get("test"));
            if (!test.contains(probe)) {
                problems.add(module + ": healthcheck [" + test + "] does not probe " + probe);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyServiceIsWiredToInfrastructureThatExistsInTheFile() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : SERVICES) {
            Map<String, Object> service = services.get(module);
            if (service == null) {
                problems.add(module + ": missing");
                continue;
            }
            Map<String, String> environment = keyValues(service.get("environment"));
            Set<String> dependencies = dependencies(service);

            String kafka = required(environment, "SPRING_KAFKA_BOOTSTRAP_SERVERS", module, problems);
            if (kafka != null) {
                for (String server : kafka.split(",")) {
                    String host = server.strip().split(":")[0];
                    expectInfrastructure(module, "Kafka", host, dependencies, problems);
                    String advertised = keyValues(services.getOrDefault(host, Map.of()).get("environment"))
                            .getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
                    if (services.containsKey(host) && !advertised.contains("//" + server.strip())) {
                        problems.add(module + ": Kafka bootstrap server " + server.strip()
                                + " is not among the broker's advertised listeners " + advertised);
                    }
                }
            }

            String mongo = required(environment, "SPRING_MONGODB_URI", module, problems);
            if (mongo != null) {
                checkMongoUri(module, mongo, dependencies, problems);
            }

            // the issuer is the public URL people reach (the gateway's); the keys come from membership-service itself
            required(environment, "ICM_SECURITY_ISSUER", module, problems);
            String keys = required(environment, "ICM_SECURITY_JWK_SET_URI", module, problems);
            if (keys != null) {
                checkServiceUri(module, "the token issuer's key set", keys, "membership-service", problems);
            }

            if (EVENT_SOURCED.containsKey(module)) {
                String host = required(environment, "ICM_POSTGRES_HOST", module, problems);
                required(environment, "SPRING_DATASOURCE_USERNAME", module, problems);
                required(environment, "SPRING_DATASOURCE_PASSWORD", module, problems);
                if (host != null && expectInfrastructure(module, "PostgreSQL", host, dependencies, problems)) {
                    String database = EVENT_SOURCED.get(module);
                    if (!initScripts(host).toLowerCase(Locale.ROOT).matches("(?s).*create\\s+database\\s+\"?" + database + "\\b.*")) {
                        problems.add(module + ": no init script mounted into " + host + " creates the database " + database);
                    }
                }
            }

            // every service reaches the platform's key store (personal data), with a key-encryption key from the environment
            String keyStore = required(environment, "ICM_PERSONAL_DATA_KEY_STORE_URL", module, problems);
            if (!environment.containsKey("ICM_PERSONAL_DATA_KEY_ENCRYPTION_KEYS")) {
                // passed on from the operator's environment, with no default in the file
                problems.add(module + ": environment variable ICM_PERSONAL_DATA_KEY_ENCRYPTION_KEYS is not passed on");
            }
            java.util.regex.Matcher keyStoreHost = keyStore == null ? null
                    : java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/(\\w+)").matcher(keyStore);
            if (keyStoreHost == null || !keyStoreHost.matches()) {
                problems.add(module + ": ICM_PERSONAL_DATA_KEY_STORE_URL is not a PostgreSQL JDBC URL: " + keyStore);
            } else if (expectInfrastructure(module, "PostgreSQL", keyStoreHost.group(1), dependencies, problems)
                    && !initScripts(keyStoreHost.group(1)).toLowerCase(Locale.ROOT)
                    .matches("(?s).*create\\s+database\\s+\"?" + keyStoreHost.group(2) + "\\b.*")) {
                problems.add(module + ": no init script mounted into " + keyStoreHost.group(1) + " creates the key store " + keyStoreHost.group(2));
            }

            if (module.equals("notification-service")) {
                String host = required(environment, "SPRING_MAIL_HOST", module, problems);
                String port = required(environment, "SPRING_MAIL_PORT", module, problems);
                if (host != null) {
                    expectInfrastructure(module, "SMTP", host, dependencies, problems);
                }
                if (port != null && !port.matches("\\d+")) {
                    problems.add(module + ": SPRING_MAIL_PORT is " + port + ", not a port number");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void theGatewayRoutesToEveryServiceInTheFile() throws IOException {
        Map<String, Object> gateway = services.get("gateway");
        assertTrue(gateway != null, "no gateway service");
        Map<String, String> environment = keyValues(gateway.get("environment"));
        Set<String> dependencies = dependencies(gateway);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> route : GATEWAY_ROUTES.entrySet()) {
            String uri = required(environment, route.getKey(), "gateway", problems);
            if (uri != null) {
                checkServiceUri("gateway", route.getKey(), uri, route.getValue(), problems);
            }
            if (!dependencies.contains(route.getValue())) {
                problems.add("gateway: does not wait for " + route.getValue());
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void theWebClientSignsInWithTheIssuersSecretAndCallsOnlyTheGateway() {
        Map<String, Object> web = services.get("web");
        assertTrue(web != null, "no web service");
        Map<String, String> environment = keyValues(web.get("environment"));
        Map<String, String> membership = keyValues(services.get("membership-service").get("environment"));
        List<String> problems = new ArrayList<>();
        String gateway = required(environment, "ICM_WEB_GATEWAY", "web", problems);
        if (gateway != null) {
            checkServiceUri("web", "ICM_WEB_GATEWAY", gateway, "gateway", problems);
        }
        String tokens = required(environment, "ICM_WEB_TOKEN_URI", "web", problems);
        if (tokens != null) {
            checkServiceUri("web", "the issuer's token endpoint", tokens, "membership-service", problems);
        }
        // the browser reaches the issuer at the public URL, which is the issuer every service checks
        String issuer = required(environment, "ICM_WEB_ISSUER", "web", problems);
        if (issuer != null && !issuer.equals(membership.get("ICM_SECURITY_ISSUER"))) {
            problems.add("web: ICM_WEB_ISSUER is " + issuer + ", but membership-service issues as " + membership.get("ICM_SECURITY_ISSUER"));
        }
        String redirect = membership.get("ICM_SIGNIN_WEB_REDIRECT_URIS");
        if (issuer != null && !(issuer + "/signed-in").equals(redirect)) {
            problems.add("membership-service: ICM_SIGNIN_WEB_REDIRECT_URIS is " + redirect + ", not the web client's " + issuer + "/signed-in");
        }
        // the secret has no public default: both sides read the same operator-set variable
        if (!"${ICM_WEB_CLIENT_SECRET:-}".equals(rawEnvironment("web").get("ICM_WEB_CLIENT_SECRET"))
                || !"${ICM_WEB_CLIENT_SECRET:-}".equals(rawEnvironment("membership-service").get("ICM_SIGNIN_WEB_CLIENT_SECRET"))) {
            problems.add("web and membership-service must both take the client secret from ${ICM_WEB_CLIENT_SECRET:-}, with no default");
        }
        assertNoProblems(problems);
    }

    @Test
    void filesMountedFromTheRepositoryExist() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            for (Object volume : list(service.get("volumes"))) {
                String source = volume instanceof Map<?, ?> map ? String.valueOf(map.get("source")) : String.valueOf(volume).split(":")[0];
                // a missing host path would silently become an empty directory in the container
                if ((source.startsWith("./") || source.startsWith("../")) && !Files.exists(REPOSITORY.resolve(source))) {
                    problems.add(name + ": mounts " + source + ", which is not in the repository");
                }
            }
        });
        assertNoProblems(problems);
    }

    // ------------------------------------------------------------------------------------- checks

    private static Map<String, String> rawEnvironment(String service) {
        return keyValues(map(written.get(service), "service " + service).get("environment"));
    }

    private static boolean expectInfrastructure(String module, String what, String host, Set<String> dependencies,
                                                List<String> problems) {
        if (!services.containsKey(host)) {
            problems.add(module + ": " + what + " at host " + host + ", which is not a service in the file");
            return false;
        }
        if (!dependencies.contains(host)) {
            problems.add(module + ": uses " + what + " (" + host + ") but does not wait for it in depends_on");
        }
        return true;
    }

    private static void checkMongoUri(String module, String uri, Set<String> dependencies, List<String> problems) {
        Matcher matcher = Pattern.compile("mongodb://(?:[^@/]*@)?([^/?]+)/?[^?]*(?:\\?(.*))?").matcher(uri);
        if (!matcher.matches()) {
            problems.add(module + ": SPRING_MONGODB_URI " + uri + " is not a mongodb:// connection string");
            return;
        }
        for (String hostAndPort : matcher.group(1).split(",")) {
            String host = hostAndPort.split(":")[0];
            if (expectInfrastructure(module, "MongoDB", host, dependencies, problems)) {
                String replicaSet = Stream.of(Objects.requireNonNullElse(matcher.group(2), "").split("&"))
                        .filter(option -> option.startsWith("replicaSet="))
                        .map(option -> option.substring("replicaSet=".length()))
                        .findFirst().orElse(null);
                String mongod = command(services.get(host).get("command"));
                if (replicaSet == null || !mongod.matches(".*--replSet[ =]" + Pattern.quote(replicaSet) + "\\b.*")) {
                    problems.add(module + ": SPRING_MONGODB_URI names replica set " + replicaSet
                            + " but " + host + " runs [" + mongod + "]");
                }
            }
        }
    }

    private static void checkServiceUri(String module, String what, String value, String expectedService,
                                        List<String> problems) {
        URI uri = URI.create(value);
        if (!expectedService.equals(uri.getHost()) || !services.containsKey(expectedService)) {
            problems.add(module + ": " + what + " is " + value + ", not the service " + expectedService + " in the file");
            return;
        }
        int port = serverPort(expectedService);
        if (uri.getPort() != port) {
            problems.add(module + ": " + what + " is " + value + ", but " + expectedService + " listens on " + port);
        }
    }

    /** The text of the init scripts bind-mounted into the given service's {@code /docker-entrypoint-initdb.d}. */
    private static String initScripts(String service) {
        StringBuilder scripts = new StringBuilder();
        for (Object volume : list(services.get(service).get("volumes"))) {
            String[] parts = volume instanceof Map<?, ?> map
                    ? new String[] {String.valueOf(map.get("source")), String.valueOf(map.get("target"))}
                    : String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d")) {
                Path source = REPOSITORY.resolve(parts[0]);
                try (Stream<Path> files = Files.isDirectory(source) ? Files.list(source) : Stream.of(source)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        scripts.append(Files.readString(file)).append('\n');
                    }
                } catch (IOException e) {
                    fail("cannot read the init script " + source + ": " + e.getMessage());
                }
            }
        }
        return scripts.toString();
    }

    // ------------------------------------------------------------------------------------ helpers

    /** Why an image reference is not pinned, or {@code null} when it is (a tag other than latest, or a digest). */
    private static String unpinned(String image) {
        if (image.contains("@sha256:")) {
            return null;
        }
        String name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        if (colon < 0 || colon == name.length() - 1) {
            return "has no tag (that means latest)";
        }
        if (name.substring(colon + 1).equalsIgnoreCase("latest")) {
            return "uses the tag latest";
        }
        return null;
    }

    private static boolean publishes(Object port, int host, int container) {
        if (port instanceof Map<?, ?> map) {
            return String.valueOf(container).equals(String.valueOf(map.get("target")))
                    && String.valueOf(host).equals(String.valueOf(map.get("published")));
        }
        String[] parts = String.valueOf(port).replaceFirst("/(tcp|udp)$", "").split(":");
        return parts.length >= 2
                && parts[parts.length - 1].equals(String.valueOf(container))
                && parts[parts.length - 2].equals(String.valueOf(host));
    }

    /** {@code server.port} from the module's own application.yml (nested or dotted keys). */
    private static int serverPort(String module) {
        Path configuration = REPOSITORY.resolve(module).resolve("src/main/resources/application.yml");
        try {
            Object port = lookup(readYaml(configuration), "server.port");
            assertTrue(port != null, configuration + " sets no server.port");
            return Integer.parseInt(String.valueOf(port));
        } catch (IOException e) {
            return fail("cannot read " + configuration + ": " + e.getMessage());
        }
    }

    private static Object lookup(Object node, String path) {
        if (!(node instanceof Map<?, ?> map)) {
            return null;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (path.equals(key)) {
                return entry.getValue();
            }
            if (path.startsWith(key + ".")) {
                Object found = lookup(entry.getValue(), path.substring(key.length() + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String required(Map<String, String> environment, String name, String module, List<String> problems) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            problems.add(module + ": environment variable " + name + " is not set");
            return null;
        }
        return value.strip();
    }

    private static Set<String> dependencies(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return list(dependsOn).stream().map(String::valueOf).collect(Collectors.toSet());
    }

    /** An environment or build-args section, in map form or in list form ({@code KEY=value}). */
    private static Map<String, String> keyValues(Object section) {
        Map<String, String> values = new LinkedHashMap<>();
        if (section instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            for (Object entry : list(section)) {
                String[] parts = String.valueOf(entry).split("=", 2);
                values.put(parts[0], parts.length == 2 ? parts[1] : null);
            }
        }
        return values;
    }

    /** A healthcheck test or a command, in list form or string form, as one line. */
    private static String command(Object command) {
        if (command instanceof List<?> parts) {
            return String.join(" ", parts.stream().map(String::valueOf).toList());
        }
        return command == null ? "" : String.valueOf(command);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            return fail(what + " is not a mapping");
        }
        return (Map<String, Object>) value;
    }

    /** Reads YAML strictly: a key given twice is an error (Compose would silently keep the last). */
    private static Object readYaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        }
    }

    /**
     * Compose's variable substitution as it happens without an {@code .env} file: {@code ${NAME:-default}}
     * and {@code ${NAME-default}} give the default, a variable without one gives the empty string,
     * {@code $$} is a literal {@code $}. So the checks see what {@code docker compose up} runs with.
     */
    private static Object interpolate(Object node) {
        if (node instanceof String text) {
            Matcher matcher = VARIABLE.matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String replacement;
                if (matcher.group().equals("$$")) {
                    replacement = "$";
                } else if (matcher.group(2) != null && matcher.group(2).endsWith("-")) {
                    replacement = matcher.group(3);
                } else {
                    replacement = "";
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(result);
            return result.toString();
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(key, interpolate(value)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(DockerComposeTest::interpolate).toList();
        }
        return node;
    }

    private static void assertNoProblems(List<String> problems) {
        assertEquals(List.of(), problems, () -> "docker-compose.yml:\n  " + String.join("\n  ", problems));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
