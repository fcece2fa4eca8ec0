package org.icm.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.icm.notification.routing.Kind;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;

/** Subscriptions over HTTP: sensible defaults for a new account, each account edits its own and no other. */
class SubscriptionApiTest extends NotificationTestBase {

    @Test
    void aNewAccountHearsOfEverythingInTheAppAndByADailyDigest() {
        Person member = member();

        HttpResponse<String> mine = get("/subscriptions/me", member);

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(mine.body(), "$.kinds")).hasSize(Kind.values().length);
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
    void anAccountFollowsCountriesByTheirCodesAndAClientThatDoesNotSendThemKeepsThem() {
        Person member = member();
        assertThat(JsonPath.<List<String>>read(get("/subscriptions/me", member).body(), "$.countries")).as("every country").isEmpty();

        HttpResponse<String> saved = put("/subscriptions/me", member, """
                {"kinds":["NATIONAL_IMPLEMENTATION"],"dossiers":[],"policyAreas":[],"rights":[],"countries":["GR","IT"],
                 "channels":["IN_APP"],"emailRhythm":"IMMEDIATE"}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(get("/subscriptions/me", member).body(), "$.countries")).containsExactlyInAnyOrder("GR", "IT");

        // a client written before countries could be followed (no countries in its PUT) changes the rest only
        subscribe(member, everythingBy("[\"IN_APP\"]", "WEEKLY_DIGEST"));
        String read = get("/subscriptions/me", member).body();
        assertThat(JsonPath.<List<String>>read(read, "$.countries")).containsExactlyInAnyOrder("GR", "IT");
        assertThat(JsonPath.<String>read(read, "$.emailRhythm")).isEqualTo("WEEKLY_DIGEST");

        // and an empty list follows every country again
        subscribe(member, everythingBy("[\"IN_APP\"]", "WEEKLY_DIGEST").replace("\"rights\":[]", "\"rights\":[],\"countries\":[]"));
        assertThat(JsonPath.<List<String>>read(get("/subscriptions/me", member).body(), "$.countries")).isEmpty();
    }

    @Test
    void aSubscriptionStoredBeforeCountriesCouldBeFollowedFollowsEveryCountry() {
        Person member = member();
        mongo.getCollection("subscriptions").updateOne(new org.bson.Document("_id", member.id()),
                new org.bson.Document("$unset", new org.bson.Document("countries", "")));
        assertThat(mongo.getCollection("subscriptions").find(new org.bson.Document("_id", member.id())).first()).doesNotContainKey("countries");

        HttpResponse<String> read = get("/subscriptions/me", member);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(read.body(), "$.countries")).isEmpty();
        assertThat(JsonPath.<List<String>>read(read.body(), "$.kinds")).hasSize(Kind.values().length);
    }

    @Test
    void anUnknownCountryIsAProblemNamingCountriesAndChangesNothing() {
        Person member = member();
        subscribe(member, """
                {"kinds":["NATIONAL_IMPLEMENTATION"],"dossiers":[],"policyAreas":[],"rights":[],"countries":["GR"],
                 "channels":["IN_APP"],"emailRhythm":"IMMEDIATE"}""");

        HttpResponse<String> refused = put("/subscriptions/me", member, """
                {"kinds":["MEASURE_STAGE_CHANGED"],"dossiers":[],"policyAreas":[],"rights":[],"countries":["FR","EL","gr"],
                 "channels":["EMAIL"],"emailRhythm":"WEEKLY_DIGEST"}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactly("countries");
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].code")).containsExactly("unknown-country");
        assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("[EL, gr]").doesNotContain("FR");
        String read = get("/subscriptions/me", member).body();
        assertThat(JsonPath.<List<String>>read(read, "$.countries")).containsExactly("GR");
        assertThat(JsonPath.<List<String>>read(read, "$.kinds")).containsExactly("NATIONAL_IMPLEMENTATION");
        assertThat(JsonPath.<String>read(read, "$.emailRhythm")).isEqualTo("IMMEDIATE");
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
