package org.icm.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.icm.kernel.vocabulary.ProcedureStage;

/**
 * One HTTP client of policy-service, as a focal point's web client uses it: JSON over HTTP/1.1 with a bearer
 * token, one request at a time, on its own keep-alive connection.
 */
final class PolicyApiClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A dossier of the run and its one measure. */
    record Target(String dossierId, String measureId) {
    }

    private final HttpClient http;
    private final String base;
    private final String token;

    /** @param token the caller's access token, or null to send none */
    PolicyApiClient(String base, String token) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.token = token;
    }

    /** Opens a dossier and adds one measure to it (the set-up, not measured). */
    Target openDossierWithMeasure(int number) throws IOException, InterruptedException {
        return openDossierWithMeasure(number, "Benchmark measure " + number);
    }

    /** The same, with a measure title of the caller's choice. */
    Target openDossierWithMeasure(int number, String measureTitle) throws IOException, InterruptedException {
        String dossierId = created(post("/dossiers",
                "{\"title\":\"Benchmark dossier " + number + "\",\"policyArea\":\"ASYLUM\"}"), "/dossiers/");
        String measureId = created(post("/dossiers/" + dossierId + "/measures",
                "{\"title\":\"" + measureTitle + "\",\"type\":\"REGULATION\"}"), "/dossiers/" + dossierId + "/measures/");
        return new Target(dossierId, measureId);
    }

    /** Records one step of the measure's procedure: the command the benchmark measures. */
    void recordStep(Target target, ProcedureStage stage, LocalDate effectiveDate) throws IOException, InterruptedException {
        created(post("/dossiers/" + target.dossierId() + "/measures/" + target.measureId() + "/steps",
                "{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + effectiveDate + "\"}"), null);
    }

    /** The status a step request answers, with a body of the caller's choice (to check what is refused). */
    int stepStatus(Target target, String json) throws IOException, InterruptedException {
        return post("/dossiers/" + target.dossierId() + "/measures/" + target.measureId() + "/steps", json).statusCode();
    }

    /** Publishes the dossier, so anyone reads it (the set-up, not measured). */
    void publish(String dossierId) throws IOException, InterruptedException {
        HttpResponse<String> published = post("/dossiers/" + dossierId + "/publish", "{}");
        if (published.statusCode() / 100 != 2) {
            throw new IllegalStateException("publishing " + dossierId + " answered " + published.statusCode() + ": " + published.body());
        }
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Checks the answer is 201 Created and, when asked, gives the id at the end of its Location. */
    private static String created(HttpResponse<String> response, String locationPrefix) {
        if (response.statusCode() != 201) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException("POST " + response.uri().getPath() + " answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        if (locationPrefix == null) {
            return null;
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("POST " + response.uri().getPath() + " answered 201 without a Location"));
        if (!location.startsWith(locationPrefix)) {
            throw new IllegalStateException("unexpected Location " + location);
        }
        return location.substring(locationPrefix.length());
    }

    @Override
    public void close() {
        http.close();
    }
}
