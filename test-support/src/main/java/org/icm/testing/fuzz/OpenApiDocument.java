package org.icm.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's OpenAPI document, read from {@code /v3/api-docs}: its operations, and for each a plausible body (what a
 * careful client would send) and its path filled with ids. Shared by the fuzzer and the access check.
 */
public final class OpenApiDocument {

    /** One operation: {@code POST /dossiers/{dossierId}/measures} and its definition in the document. */
    public record Operation(String method, String template, JsonNode definition) {

        public String name() {
            return method + " " + template;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode api;

    private OpenApiDocument(JsonNode api) {
        this.api = api;
    }

    /** The document of the service on this local port. */
    public static OpenApiDocument of(int port) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode api = JSON.readTree(document.body());
            if (!api.has("paths")) {
                throw new IllegalStateException("no OpenAPI document on port " + port + ": " + document.body());
            }
            return new OpenApiDocument(api);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode api() {
        return api;
    }

    /** Every operation that answers and ends (a stream of Server-Sent Events does not end). */
    public List<Operation> operations() {
        return operations(false);
    }

    /** The names of every operation the document lists ({@code GET /feed/stream} too). */
    public List<String> names() {
        return operations(true).stream().map(Operation::name).toList();
    }

    private List<Operation> operations(boolean streamsToo) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                if (List.of("POST", "PUT", "PATCH", "DELETE", "GET").contains(verb) && (streamsToo || !streams(method.getValue()))) {
                    operations.add(new Operation(verb, path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /** The required query parameters with plausible values ({@code ?from=1&to=2}), or nothing when none is required. */
    public String exampleQuery(Operation operation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.definition().path("parameters")) {
            JsonNode resolved = resolve(api, parameter);
            if ("query".equals(resolved.path("in").asText()) && resolved.path("required").asBoolean(false)) {
                pairs.add(resolved.path("name").asText() + "="
                        + URLEncoder.encode(example(api, resolved.path("schema"), 0).asText(), StandardCharsets.UTF_8));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /**
     * The texts of request bodies whose maximum length the document does not give ({@code POST /dossiers: title}):
     * every text a client sends has one (an enumeration or a date's format bounds it too).
     */
    public List<String> unboundedTexts() {
        List<String> unbounded = new ArrayList<>();
        for (Operation operation : operations()) {
            JsonNode schema = operation.definition().path("requestBody").path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                unboundedTexts(operation.name() + ": ", "", schema, 0, unbounded);
            }
        }
        return unbounded;
    }

    private void unboundedTexts(String operation, String path, JsonNode schemaOrRef, int depth, List<String> unbounded) {
        JsonNode schema = resolve(api, schemaOrRef);
        switch (type(schema)) {
            case "string" -> {
                if (!schema.has("maxLength") && !schema.has("enum") && !List.of("date", "date-time", "uuid").contains(schema.path("format").asText())) {
                    unbounded.add(operation + (path.isEmpty() ? "(the body)" : path));
                }
            }
            case "array" -> unboundedTexts(operation, path + "[]", schema.path("items"), depth + 1, unbounded);
            case "object" -> {
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(property -> unboundedTexts(operation,
                            path.isEmpty() ? property.getKey() : path + "." + property.getKey(), property.getValue(), depth + 1, unbounded));
                }
            }
            default -> {
                // numbers, booleans: bounded by their type
            }
        }
    }

    /** The JSON body a careful client would send, or null when the operation takes none. */
    public byte[] exampleBody(Operation operation) {
        JsonNode schema = operation.definition().path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        try {
            return JSON.writeValueAsBytes(example(api, schema, 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    /** A stream of Server-Sent Events answers as long as it is open: not a request that ends. */
    static boolean streams(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /** A plausible value for the schema: what a careful client would send, the base every variant spoils one part of. */
    static JsonNode example(JsonNode api, JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(api, schemaOrRef);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        // a pattern that is a list of words ("en|fr"): its first word
        if (schema.path("pattern").asText().matches("\\^?[\\w-]+(\\|[\\w-]+)+\\$?")) {
            return NODES.textNode(schema.path("pattern").asText().replaceAll("^\\^|\\$$", "").split("\\|")[0]);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return example(api, schema.has("oneOf") ? schema.path("oneOf").get(0) : schema.path("anyOf").get(0), depth);
        }
        return switch (type(schema)) {
            case "string" -> NODES.textNode(switch (schema.path("format").asText()) {
                case "date" -> "2026-06-12";
                case "date-time" -> "2026-06-12T10:00:00Z";
                case "uuid" -> java.util.UUID.nameUUIDFromBytes(schemaOrRef.toString().getBytes(StandardCharsets.UTF_8)).toString();
                case "email" -> "fuzz@example.org";
                case "uri", "url" -> "https://example.org/fuzz";
                default -> "Fuzz text";
            });
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> depth > 3 ? NODES.arrayNode() : NODES.arrayNode().add(example(api, schema.path("items"), depth + 1));
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth <= 3) {
                    schema.path("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), example(api, property.getValue(), depth + 1)));
                }
                yield object;
            }
            default -> NODES.textNode("Fuzz text");
        };
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asText())) {
                    return one.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "unknown";
    }

    static JsonNode resolve(JsonNode api, JsonNode node) {
        JsonNode resolved = node;
        for (int hops = 0; resolved.has("$ref") && hops < 10; hops++) {
            String reference = resolved.path("$ref").asText();
            resolved = api.at(reference.substring(1));
        }
        if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
            return resolve(api, resolved.path("allOf").get(0));
        }
        return resolved;
    }

    /** The path with each parameter's bad value where given, else its real id (else a UUID that names nothing). */
    static String path(String template, Map<String, String> pathValues, Map<String, String> bad) {
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = bad.containsKey(name) ? bad.get(name)
                    : URLEncoder.encode(pathValues.getOrDefault(name, "3f2b8d3e-0000-4000-8000-00000000f022"), StandardCharsets.UTF_8);
            parameter.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value));
        }
        return parameter.appendTail(path).toString();
    }
}
