package org.icm.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;

/** Subscriptions over HTTP: sensible defaults for a new account, each account edits its own and no other. */
class SubscriptionApiTest extends NotificationTestBase {

    @Test
    void aNewAccountHearsOfEverythingInTheAppAndByADailyDigest() {
        Person member = member();

        HttpResponse<String> mine = get("/subscriptions/me", member);

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(mine.body(), "$.kinds")).hasSize(7);
        assertThat(JsonPath.<List<String>>read(mine.body(), "$.channels")).containsExactlyInAnyOrder("IN_APP", "EMAIL");
        assertThat(JsonPath.<String>read(mine.body(), "$.emailRhythm")).isEqualTo("DAILY_DIGEST");
        assertThat(JsonPath.<List<String>>read(mine.body(), "$.dossiers")).isEmpty();
    }

    @Test
    void anAccountEditsItsOwnSubscription() {
        Person member = member();
        String body = """
                {"kinds":["MEASURE_STAGE_CHANGED","REMINDER"],"dossiers":["d-1"],"policyAreas":["ASYLUM"],"rights":[],
                 "channels":["EMAIL"],"emailRhythm":"WEEKLY_DIGEST"}""";

        HttpResponse<String> saved = put("/subscriptions/" + member.id(), member, body);

        assertThat(saved.statusCode()).isEqualTo(200);
        HttpResponse<String> read = get("/subscriptions/me", member);
        assertThat(JsonPath.<List<String>>read(read.body(), "$.kinds")).containsExactlyInAnyOrder("MEASURE_STAGE_CHANGED", "REMINDER");
        assertThat(JsonPath.<List<String>>read(read.body(), "$.policyAreas")).containsExactly("ASYLUM");
        assertThat(JsonPath.<String>read(read.body(), "$.emailRhythm")).isEqualTo("WEEKLY_DIGEST");
    }

    @Test
    void nobodyReadsOrEditsAnotherAccountsSubscription() {
        Person owner = member();
        Person intruder = member();

        HttpResponse<String> read = get("/subscriptions/" + owner.id(), intruder);
        HttpResponse<String> write = put("/subscriptions/" + owner.id(), intruder, everythingBy("[]", "IMMEDIATE"));

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<List<String>>read(get("/subscriptions/me", owner).body(), "$.channels")).hasSize(2);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        Person member = member();

        HttpResponse<String> missing = put("/subscriptions/me", member, """
                {"kinds":["MEASURE_STAGE_CHANGED"],"dossiers":[],"policyAreas":[],"rights":[],"channels":["EMAIL"]}""");
        HttpResponse<String> unknownRight = put("/subscriptions/me", member, """
                {"kinds":[],"dossiers":[],"policyAreas":[],"rights":["NOT-A-RIGHT"],"channels":[],"emailRhythm":"IMMEDIATE"}""");
        HttpResponse<String> unknownKind = put("/subscriptions/me", member, """
                {"kinds":["GOSSIP"],"dossiers":[],"policyAreas":[],"rights":[],"channels":[],"emailRhythm":"IMMEDIATE"}""");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(missing.body(), "$.errors[*].field")).containsExactly("emailRhythm");
        assertThat(unknownRight.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(unknownRight.body(), "$.errors[*].field")).containsExactly("rights");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(get("/subscriptions/me", member).body(), "$.emailRhythm")).isEqualTo("DAILY_DIGEST");
    }
}
