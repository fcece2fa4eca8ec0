package org.icm.testing.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call each operation of a service, as its test declares it, checked on every operation of the service's
 * OpenAPI document: an operation without a declared rule fails the build (a new endpoint comes with its rule), and each
 * rule is tried as an anonymous caller and as a participant of another organisation (a stranger to the objects named
 * in the path, which belong to someone else).
 */
public final class AccessRules {

    /** Who may call an operation. */
    public enum Access {
        /** Anyone, signed in or not (public reads, applying to join, one-click unsubscribe). */
        ANYONE,
        /** Any signed-in person. */
        SIGNED_IN,
        /** A signed-in person, on their own things only: a stranger is refused (403) or told there is nothing (404). */
        OWN,
        /** Focal points only. */
        FOCAL_POINT,
        /** Analysts (and focal points) only. */
        ANALYST
    }

    /** The personal-data operations every service has (service-defaults): a person's own, and anyone's for focal points. */
    public static final Map<String, Access> PERSONAL_DATA = Map.of(
            "GET /me/personal-data", Access.SIGNED_IN,
            "GET /people/{personId}/personal-data", Access.FOCAL_POINT);

    /** The read-model operations every event-sourced service has (service-defaults): focal points only. */
    public static final Map<String, Access> READ_MODELS = Map.of(
            "GET /admin/read-models", Access.FOCAL_POINT,
            "GET /admin/read-models/{name}", Access.FOCAL_POINT,
            "POST /admin/read-models/{name}/replay", Access.FOCAL_POINT);

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public AccessRules(int port) {
        this.port = port;
    }

    /** A service's own rules with those of the operations it shares with every service. */
    @SafeVarargs
    public static Map<String, Access> rules(Map<String, Access> own, Map<String, Access>... shared) {
        Map<String, Access> all = new java.util.HashMap<>(own);
        for (Map<String, Access> some : shared) {
            all.putAll(some);
        }
        return all;
    }

    /**
     * What is wrong with the service's access rules: operations without a rule, rules for operations that are gone,
     * and every answer that lets in someone the rule keeps out or keeps out someone it lets in.
     *
     * @param rules      each operation ({@code "POST /dossiers"}) and who may call it
     * @param pathValues ids of real objects that belong to someone other than {@code stranger}
     * @param stranger   a participant's token, of an organisation that owns none of those objects
     */
    public List<String> violations(Map<String, Access> rules, Map<String, String> pathValues, String stranger) {
        OpenApiDocument document = OpenApiDocument.of(port);
        List<String> violations = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (OpenApiDocument.Operation operation : document.operations()) {
            seen.add(operation.name());
            Access access = rules.get(operation.name());
            if (access == null) {
                violations.add(operation.name() + ": no access rule declared (every operation has one)");
                continue;
            }
            String path = OpenApiDocument.path(operation.template(), pathValues, Map.of()) + document.exampleQuery(operation);
            byte[] body = document.exampleBody(operation);
            int anonymous = send(operation.method(), path, body, null);
            if (access == Access.ANYONE ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                violations.add(operation.name() + " (" + access + "): anonymous caller answered " + anonymous);
            }
            int asStranger = send(operation.method(), path, body, stranger);
            boolean refused = asStranger == 401 || asStranger == 403;
            boolean wrong = switch (access) {
                case ANYONE, SIGNED_IN -> refused;
                case OWN -> asStranger != 403 && asStranger != 404;
                case FOCAL_POINT, ANALYST -> asStranger != 403;
            };
            if (wrong) {
                violations.add(operation.name() + " (" + access + "): a participant of another organisation answered " + asStranger);
            }
        }
        rules.keySet().stream().filter(name -> !seen.contains(name))
                .forEach(name -> violations.add(name + ": a rule for an operation the service does not have"));
        return violations;
    }

    /**
     * The routes the service answers that its OpenAPI document does not list (OWASP API9: an inventory with holes is an
     * attack surface nobody reviews), leaving out Spring's error page and the document itself.
     */
    public List<String> undocumentedRoutes(RequestMappingHandlerMapping mappings) {
        Set<String> documented = new TreeSet<>(OpenApiDocument.of(port).names());
        Set<String> undocumented = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(route -> {
            Set<String> methods = route.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
            for (String path : route.getPatternValues()) {
                if (path.equals("/error") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
                    continue;
                }
                (methods.isEmpty() ? Set.of("ANY") : methods).forEach(method -> {
                    if (!documented.contains(method + " " + path)) {
                        undocumented.add(method + " " + path);
                    }
                });
            }
        });
        return List.copyOf(undocumented);
    }

    private int send(String method, String path, byte[] body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
