package org.icm.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends hostile requests to every operation of a service's OpenAPI document and says what went wrong: an answer 5xx,
 * a refusal that is not problem+json or does not name the field it refuses, or a refusal after which the service's
 * state is not what it was. The requests are built from each operation's schema: for every property of its body a
 * null, a value of the wrong type, its absence, and the hostile values of its type (nulls inside arrays, very long
 * strings, control and bidirectional characters, a broken surrogate, boundary and enormous numbers, deep nesting);
 * for the body as a whole, not an object, truncated, invalid UTF-8, nested thousands deep, sent as text/plain, with
 * unknown fields; for every path id, ids that are not ids. Every text of a body has a maximum length in the document,
 * and one character more is refused. A seeded random picks the variants of each operation, so a
 * run is repeatable: {@code -Dicm.fuzz.seed=} and {@code -Dicm.fuzz.variants=} (per operation) change it.
 */
public final class OpenApiFuzzer {

    /** How many variants per operation and which ones: the same seed sends the same requests. */
    public record Settings(long seed, int variantsPerOperation) {

        /** {@code icm.fuzz.seed} (default 20261207) and {@code icm.fuzz.variants} (default 24 per operation). */
        public static Settings fromSystemProperties() {
            return new Settings(Long.getLong("icm.fuzz.seed", 20261207L), Integer.getInteger("icm.fuzz.variants", 24));
        }
    }

    /** One request that showed something wrong. */
    public record Finding(String operation, String variant, int status, String what, String answer) {

        @Override
        public String toString() {
            return operation + " [" + variant + "] -> " + status + ": " + what + (answer.isEmpty() ? "" : " | " + answer);
        }
    }

    /** What a run sent and found. */
    public record Report(int operations, int sent, Map<Integer, Integer> byStatus, List<Finding> findings) {

        public long serverErrors() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }

        public String summary() {
            return "fuzzed " + operations + " operations with " + sent + " requests; answers by status " + byStatus + "; "
                    + serverErrors() + " server errors; " + findings.size() + " findings";
        }
    }

    /** What came back; a connection closed without an answer is status 599 with the error as its body. */
    private record Answer(int status, String contentType, String body) {

        boolean problem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    /**
     * A request to send: what it tries, where, and its body (null for none); {@code fields}, for a body spoilt in one
     * property, are the names of the body's properties (a refusal must name one of them).
     */
    private record Variant(String name, String path, byte[] body, String contentType, List<String> fields, boolean mustBeRefused) {

        Variant(String name, String path, byte[] body, String contentType, List<String> fields) {
            this(name, path, body, contentType, fields, false);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG_TEXT = "x".repeat(100_000);
    private static final List<String> BAD_IDS = List.of("not-an-id", "..%2F..%2Fetc%2Fpasswd", "%00", "x".repeat(2_000), "%E2%80%AEdi",
            "00000000-0000-0000-0000-000000000000'%20OR%20'1'%3D'1");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private final String base;
    private final String token;
    private final Map<String, String> pathValues;
    private final Supplier<?> state;

    /**
     * @param port       the service's port
     * @param token      the caller (one who may do everything: refusals then come from the input, not the role)
     * @param pathValues a real id per path parameter name ({@code dossierId} ...), so bodies reach the operation; a
     *                   parameter not named gets a random UUID
     * @param state      what must not change when a request is refused (e.g. the event store's last index)
     */
    public OpenApiFuzzer(int port, String token, Map<String, String> pathValues, Supplier<?> state) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.token = token;
        this.pathValues = pathValues;
        this.state = state;
    }

    public Report run(Settings settings) {
        OpenApiDocument document = OpenApiDocument.of(port);
        JsonNode api = document.api();
        Random random = new Random(settings.seed());
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        List<OpenApiDocument.Operation> operations = document.operations();
        document.unboundedTexts().forEach(text -> findings.add(new Finding(text, "the document", 0, "no maximum length documented", "")));
        int sent = 0;
        for (OpenApiDocument.Operation operation : operations) {
            List<Variant> variants = variants(api, operation.template(), operation.definition());
            Collections.shuffle(variants, random);
            for (Variant variant : variants.subList(0, Math.min(variants.size(), settings.variantsPerOperation()))) {
                Object before = state.get();
                Answer answer = send(operation.method(), variant.path(), variant.body(), variant.contentType());
                sent++;
                byStatus.merge(answer.status(), 1, Integer::sum);
                judge(operation.name(), variant, answer, before).ifPresent(findings::add);
                if (answer.status() < 300) {
                    settle();
                }
            }
        }
        return new Report(operations.size(), sent, byStatus, findings);
    }

    /**
     * After an accepted request, waits until what it set going (a projection, an erasure's clean-up) has finished
     * changing the state, so that the next refusal is judged against a state that holds still.
     */
    private void settle() {
        Object last = state.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Object now = state.get();
            if (Objects.equals(now, last)) {
                return;
            }
            last = now;
        }
    }

    private java.util.Optional<Finding> judge(String operation, Variant variant, Answer answer, Object before) {
        int status = answer.status();
        String body = answer.body();
        String shortBody = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        if (status >= 500) {
            return found(operation, variant, status, "server error", shortBody);
        }
        if (status < 400) {
            // what the document says is too long must be refused: the document and the checks say the same
            return variant.mustBeRefused() ? found(operation, variant, status, "accepted beyond its documented maximum length", shortBody)
                    : java.util.Optional.empty();
        }
        if (!Objects.equals(before, state.get())) {
            return found(operation, variant, status, "refused, yet the state changed", shortBody);
        }
        if (status == 404 || status == 405 || status == 401) {
            // nothing was found, or the method is not there: the platform's own answer for those, whatever its body
            return answer.problem() ? java.util.Optional.empty() : found(operation, variant, status, "not problem+json", shortBody);
        }
        if (!answer.problem()) {
            return found(operation, variant, status, "not problem+json", shortBody);
        }
        // bad input (400) is named; a refusal because of the state things are in (409, 412, 422) names its rule instead
        if (variant.fields() != null && status == 400 && !body.contains("\"errors\"") && variant.fields().stream().noneMatch(body::contains)) {
            return found(operation, variant, status, "does not name a field", shortBody);
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Finding> found(String operation, Variant variant, int status, String what, String body) {
        return java.util.Optional.of(new Finding(operation, variant.name(), status, what, body));
    }

    private List<Variant> variants(JsonNode api, String template, JsonNode operation) {
        List<Variant> variants = new ArrayList<>();
        List<String> pathParameters = new ArrayList<>();
        List<JsonNode> queryParameters = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            JsonNode resolved = OpenApiDocument.resolve(api, parameter);
            if ("path".equals(resolved.path("in").asText())) {
                pathParameters.add(resolved.path("name").asText());
            } else if ("query".equals(resolved.path("in").asText())) {
                queryParameters.add(resolved);
            }
        });
        String realPath = OpenApiDocument.path(template, pathValues, Map.of());
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        byte[] validBody = bodySchema.isMissingNode() ? null : bytes(OpenApiDocument.example(api, bodySchema, 0));
        String bodyType = validBody == null ? null : "application/json";

        for (String parameter : pathParameters) {
            for (String bad : BAD_IDS) {
                variants.add(new Variant("path " + parameter + " = " + abbreviate(bad), OpenApiDocument.path(template, pathValues, Map.of(parameter, bad)), validBody,
                        bodyType, null));
            }
        }
        for (JsonNode parameter : queryParameters) {
            String name = parameter.path("name").asText();
            for (String bad : List.of("-1", "99999999999999999999", "abc", "%00", LONG_TEXT.substring(0, 5_000), "1e309")) {
                variants.add(new Variant("query " + name + " = " + abbreviate(bad), realPath + "?" + name + "=" + bad, validBody, bodyType,
                        null));
            }
        }
        if (validBody == null) {
            return variants;
        }
        String json = new String(validBody, StandardCharsets.UTF_8);
        variants.add(new Variant("body null", realPath, "null".getBytes(StandardCharsets.UTF_8), bodyType, null));
        variants.add(new Variant("body an array", realPath, "[]".getBytes(StandardCharsets.UTF_8), bodyType, null));
        variants.add(new Variant("body a string", realPath, "\"text\"".getBytes(StandardCharsets.UTF_8), bodyType, null));
        variants.add(new Variant("body truncated", realPath, json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8), bodyType, null));
        variants.add(new Variant("body nested 5000 deep", realPath, ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8),
                bodyType, null));
        variants.add(new Variant("body invalid UTF-8", realPath, invalidUtf8(json), bodyType, null));
        variants.add(new Variant("body as text/plain", realPath, validBody, "text/plain", null));
        variants.add(new Variant("body with no content type", realPath, validBody, null, null));
        JsonNode schema = OpenApiDocument.resolve(api, bodySchema);
        if (!"object".equals(OpenApiDocument.type(schema))) {
            return variants;
        }
        ObjectNode valid = (ObjectNode) read(json);
        List<String> fields = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        ObjectNode unknown = valid.deepCopy();
        unknown.put("zzUnknownField", "x");
        unknown.putObject("__proto__").put("admin", true);
        variants.add(new Variant("body with unknown fields", realPath, bytes(unknown), bodyType, null));
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            JsonNode propertySchema = OpenApiDocument.resolve(api, property.getValue());
            for (Map.Entry<String, JsonNode> hostile : hostileValues(api, propertySchema).entrySet()) {
                ObjectNode body = valid.deepCopy();
                body.set(name, hostile.getValue());
                variants.add(new Variant(name + " " + hostile.getKey(), realPath, bytes(body), bodyType, fields));
            }
            if (propertySchema.has("maxLength") && propertySchema.path("maxLength").asInt() < LONG_TEXT.length()) {
                ObjectNode body = valid.deepCopy();
                body.put(name, LONG_TEXT.substring(0, propertySchema.path("maxLength").asInt() + 1));
                variants.add(new Variant(name + " one character beyond its maxLength", realPath, bytes(body), bodyType, fields, true));
            }
            ObjectNode without = valid.deepCopy();
            without.remove(name);
            variants.add(new Variant(name + " missing", realPath, bytes(without), bodyType, fields));
        }
        return variants;
    }

    /** The hostile values for a property of this schema, by what they try. */
    private Map<String, JsonNode> hostileValues(JsonNode api, JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        String type = OpenApiDocument.type(schema);
        switch (type) {
            case "string" -> {
                values.put("a number instead", NODES.numberNode(12));
                values.put("an object instead", NODES.objectNode().put("a", "b"));
                values.put("100000 characters", NODES.textNode(LONG_TEXT));
                values.put("a NUL", NODES.textNode("before\u0000after"));
                values.put("a bell", NODES.textNode("ring\u0007"));
                values.put("a right-to-left override", NODES.textNode("\u202Efdp.exe"));
                values.put("a broken surrogate", NODES.textNode("half \uD800 a pair"));
                values.put("blank", NODES.textNode("   "));
            }
            case "integer", "number" -> {
                values.put("a string instead", NODES.textNode("twelve"));
                values.put("negative", NODES.numberNode(-1));
                values.put("beyond a long", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
                values.put("1e308", NODES.numberNode(1e308));
                values.put("a fraction", NODES.numberNode(0.5));
            }
            case "boolean" -> {
                values.put("a string instead", NODES.textNode("yes"));
                values.put("a number instead", NODES.numberNode(1));
            }
            case "array" -> {
                values.put("a string instead", NODES.textNode("a"));
                ArrayNode nulls = NODES.arrayNode().addNull().addNull().addNull();
                values.put("holding nulls", nulls);
                ArrayNode many = NODES.arrayNode();
                JsonNode item = OpenApiDocument.example(api, schema.path("items"), 1);
                for (int i = 0; i < 10_000; i++) {
                    many.add(item);
                }
                values.put("10000 items", many);
                ArrayNode wrong = NODES.arrayNode().add(NODES.objectNode().putArray("deep").addArray().addArray());
                values.put("holding wrong items", wrong);
            }
            case "object" -> {
                values.put("a string instead", NODES.textNode("a"));
                values.put("an array instead", NODES.arrayNode().add(1));
                ObjectNode deep = NODES.objectNode();
                ObjectNode at = deep;
                for (int i = 0; i < 300; i++) {
                    at = at.putObject("a");
                }
                values.put("nested 300 deep", deep);
                ObjectNode nested = (ObjectNode) OpenApiDocument.example(api, schema, 1);
                for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                    String inner = names.next();
                    ObjectNode withNull = nested.deepCopy();
                    withNull.putNull(inner);
                    values.put("with " + inner + " null", withNull);
                }
            }
            default -> values.put("a number instead", NODES.numberNode(12));
        }
        return values;
    }

    private static byte[] invalidUtf8(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int at = Math.max(json.indexOf("Fuzz text"), 1);
        byte[] broken = java.util.Arrays.copyOf(text, text.length);
        broken[at] = (byte) 0xC3;
        if (at + 1 < broken.length) {
            broken[at + 1] = (byte) 0x28;
        }
        return broken;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "...(" + value.length() + " chars)" : value;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body() == null ? "" : response.body());
        } catch (IOException e) {
            // a connection the service closed on a hostile request is an answer too, but not a good one
            return new Answer(599, "", "connection closed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
