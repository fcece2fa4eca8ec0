package org.icm.membership.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.kernel.identity.Role;
import org.icm.membership.MembershipTest;
import org.junit.jupiter.api.Test;

/**
 * The admission workflow over HTTP, as applicants, members and focal points see it: apply, decide, keep the profile,
 * suspend and reinstate, withdraw; refusals as problem+json naming the field; the directory and its filters.
 */
class AdmissionWorkflowTest extends MembershipTest {

    @Test
    void anApplicationIsAdmittedListedEditedSuspendedReinstatedAndWithdrawn() {
        String name = "Kinderrechte Wien " + UUID.randomUUID();
        HttpResponse<String> applied = post("/organisations", null,
                application(name, "NATIONAL", List.of("AT"), "CHILD_RIGHTS", List.of("guardianship"), List.of("child and social ministries")));
        assertThat(applied.statusCode()).isEqualTo(201);
        String id = json(applied, "$.id");
        assertThat(applied.headers().firstValue("Location")).hasValue("/organisations/" + id);
        String focal = focalPoint();

        // an application is not public, but focal points see it in their work list
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/organisations/" + id, focal).statusCode() == 200);
        assertThat(get("/organisations/" + id, null).statusCode()).isEqualTo(404);
        assertThat(MembershipTest.<List<String>>json(get("/organisations/applications", focal), "$[*].id")).contains(id);
        assertThat(get("/organisations/applications", token(id, Role.PARTICIPANT)).statusCode()).isEqualTo(403);

        // only focal points admit; a stale If-Match changes nothing
        assertThat(post("/organisations/" + id + "/admit", token(id, Role.PARTICIPANT), null).statusCode()).isEqualTo(403);
        HttpResponse<String> stale = postIfMatch("/organisations/" + id + "/admit", focal, null, "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> admitted = postIfMatch("/organisations/" + id + "/admit", focal, null, "\"0\"");
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> again = post("/organisations/" + id + "/admit", focal, null);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<String>json(again, "$.type")).isEqualTo("urn:icm:problem:not-an-application");

        // public now, in the directory; the contact person only for signed-in members
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/organisations/" + id, null).statusCode() == 200);
        HttpResponse<String> publicView = get("/organisations/" + id, null);
        assertThat(MembershipTest.<String>json(publicView, "$.status")).isEqualTo("ADMITTED");
        assertThat(MembershipTest.<Object>json(publicView, "$.contact")).isNull();
        assertThat(MembershipTest.<String>json(publicView, "$.countries[0].name")).isEqualTo("Austria");
        assertThat(MembershipTest.<String>json(get("/organisations/" + id, focal), "$.contact.email")).isEqualTo("anna@example.org");
        assertThat(MembershipTest.<List<String>>json(get("/organisations?country=AT&focus=CHILD_RIGHTS&expertise=Guardianship&q="
                + name.substring(0, 11).replace(" ", "%20"), null), "$.items[*].id")).contains(id);
        assertThat(MembershipTest.<List<String>>json(get("/organisations?country=ES", null), "$.items[*].id")).doesNotContain(id);
        assertThat(MembershipTest.<List<String>>json(get("/organisations?focus=MIGRATION", null), "$.items[*].id")).doesNotContain(id);

        // its own people edit the profile; another organisation's participant may not
        String edited = application(name, "NATIONAL", List.of("AT", "DE"), "CHILD_RIGHTS", List.of("guardianship"), List.of());
        HttpResponse<String> stranger = put("/organisations/" + id, token(UUID.randomUUID().toString(), Role.PARTICIPANT), edited, null);
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(MembershipTest.<String>json(stranger, "$.type")).isEqualTo("urn:icm:problem:not-your-organisation");
        HttpResponse<String> own = put("/organisations/" + id, token(id, Role.PARTICIPANT), edited, "\"1\"");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("ETag")).hasValue("\"2\"");

        // suspended: not in the public directory; reinstated: back
        assertThat(post("/organisations/" + id + "/suspend", focal, "{\"reason\": \" \"}").statusCode()).isEqualTo(400);
        assertThat(post("/organisations/" + id + "/suspend", focal, "{\"reason\": \"membership fee unpaid\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/organisations/" + id, null).statusCode() == 404);
        assertThat(MembershipTest.<String>json(get("/organisations/" + id, focal), "$.statusReason")).isEqualTo("membership fee unpaid");
        assertThat(post("/organisations/" + id + "/reinstate", focal, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/organisations/" + id, null).statusCode() == 200);

        // it withdraws; its name is free again
        assertThat(post("/organisations/" + id + "/withdraw", token(id, Role.PARTICIPANT), null).statusCode()).isEqualTo(200);
        HttpResponse<String> reapplied = post("/organisations", null,
                application(name, "NATIONAL", List.of("AT"), "CHILD_RIGHTS", List.of(), List.of()));
        assertThat(reapplied.statusCode()).isEqualTo(201);
    }

    @Test
    void aDuplicateNameIsRefusedWhateverItsCaseAndAccentsAndFreedByARejection() {
        String name = "Asociación Ejemplo " + UUID.randomUUID();
        HttpResponse<String> first = post("/organisations", null, application(name, "NATIONAL", List.of("ES"), "MIGRATION", List.of(), List.of()));
        assertThat(first.statusCode()).isEqualTo(201);

        HttpResponse<String> duplicate = post("/organisations", null,
                application(" asociacion  EJEMPLO " + name.substring(19), "NATIONAL", List.of("ES"), "MIGRATION", List.of(), List.of()));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<String>json(duplicate, "$.type")).isEqualTo("urn:icm:problem:duplicate-name");
        assertThat(MembershipTest.<List<Map<String, String>>>json(duplicate, "$.errors")).extracting(error -> error.get("field")).containsExactly("name");

        String id = json(first, "$.id");
        HttpResponse<String> rejected = post("/organisations/" + id + "/reject", focalPoint(), "{\"reason\": \"not working with children\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(post("/organisations/" + id + "/admit", focalPoint(), null).statusCode()).isEqualTo(422);
        assertThat(post("/organisations", null, application(name, "NATIONAL", List.of("ES"), "MIGRATION", List.of(), List.of())).statusCode())
                .isEqualTo(201);
    }

    @Test
    void twoConcurrentApplicationsWithOneNameMakeOneOrganisation() throws Exception {
        String name = "Concurrent Name " + UUID.randomUUID();
        var requests = java.util.stream.IntStream.range(0, 4).mapToObj(i -> http.sendAsync(request("/organisations", null)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(application(name, "EUROPEAN", List.of(), "BOTH", List.of(), List.of())))
                        .build(), HttpResponse.BodyHandlers.ofString())).toList();
        List<Integer> statuses = requests.stream().map(java.util.concurrent.CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses).containsExactlyInAnyOrder(201, 422, 422, 422);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String name = "Unknown Country Org " + UUID.randomUUID();
        HttpResponse<String> response = post("/organisations", null, application(name, "NATIONAL", List.of("AT", "XX"), "MIGRATION", List.of(), List.of()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(MembershipTest.<String>json(response, "$.errors[0].field")).isEqualTo("countries");
        assertThat(MembershipTest.<String>json(response, "$.errors[0].reason")).contains("XX");
        // the name was not kept: the corrected application goes through
        assertThat(post("/organisations", null, application(name, "NATIONAL", List.of("AT"), "MIGRATION", List.of(), List.of())).statusCode())
                .isEqualTo(201);
    }
}
