package org.icm.membership.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.membership.MembershipTest;
import org.icm.membership.directory.OrganisationDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Data kept no longer than needed: a rejected application's contact person, a person who never accepted their invitation. */
class PersonalDataRetentionTest extends MembershipTest {

    @Autowired
    PersonalDataRetention retention;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    PersonalDataKeys keys;

    @Test
    void aRejectedApplicationsContactPersonIsErasedNinetyDaysAfterTheRejectionAndNotBefore() {
        String id = json(post("/organisations", null, application("Retention Test " + UUID.randomUUID(), "NATIONAL", List.of("BE"),
                "MIGRATION", List.of(), List.of())), "$.id");
        assertThat(post("/organisations/" + id + "/reject", focalPoint(), "{\"reason\": \"not working on EU policy\"}").statusCode()).isEqualTo(200);
        String contact = MembershipTest.<String>json(get("/organisations/" + id, focalPoint()), "$.contact.personId");

        retention.eraseWhatIsNoLongerNeeded(Instant.now().plus(Duration.ofDays(89)));
        assertThat(keys.erased(contact)).isFalse();
        assertThat(MembershipTest.<String>json(get("/organisations/" + id, focalPoint()), "$.contact.email")).isNotEqualTo(PersonalData.ERASED);

        retention.eraseWhatIsNoLongerNeeded(Instant.now().plus(Duration.ofDays(91)));
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.erased(contact) && PersonalData.ERASED.equals(
                MembershipTest.json(get("/organisations/" + id, focalPoint()), "$.contact.email")));
        assertThat(MembershipTest.<String>json(get("/organisations/" + id, focalPoint()), "$.status")).isEqualTo("REJECTED");
    }

    @Test
    void aPersonWhoNeverAcceptedTheirInvitationIsErasedThirtyDaysAfterItExpired() {
        String id = json(post("/organisations", null, application("Retention Invite " + UUID.randomUUID(), "EUROPEAN", List.of(), "BOTH",
                List.of(), List.of())), "$.id");
        assertThat(post("/organisations/" + id + "/admit", focalPoint(), null).statusCode()).isEqualTo(200);
        HttpResponse<String> invited = post("/organisations/" + id + "/invitations", focalPoint(),
                "{\"email\": \"never-" + id + "@example.org\", \"displayName\": \"Never Accepted\"}");
        String accountId = json(invited, "$.accountId");

        retention.eraseWhatIsNoLongerNeeded(Instant.now().plus(Duration.ofDays(7 + 29)));
        assertThat(keys.erased(accountId)).isFalse();

        retention.eraseWhatIsNoLongerNeeded(Instant.now().plus(Duration.ofDays(7 + 31)));
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.erased(accountId));
        HttpResponse<String> people = get("/organisations/" + id + "/accounts", focalPoint());
        assertThat(people.body()).contains("\"status\":\"ERASED\"").doesNotContain("never-" + id).doesNotContain("Never Accepted");
        assertThat(post(json(invited, "$.acceptPath"), null, "{\"password\": \"a long enough password 42\"}").statusCode())
                .as("the invitation is gone with the person").isEqualTo(422);
    }
}
