package org.icm.membership.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.icm.kernel.identity.Role;
import org.icm.membership.MembershipTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invitations over HTTP: focal points invite; the token works once, before it expires, with a password long enough;
 * and no password, hash or token is in any event, nor in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvitationTest extends MembershipTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CredentialStore store;

    @Test
    void anInvitedPersonSetsAPasswordOnceAndNoSecretIsInAnyEventOrLog(CapturedOutput output) {
        String id = admittedOrganisation();
        String focal = focalPoint();
        String email = "lea-" + id + "@example.org";

        assertThat(post("/organisations/" + id + "/invitations", token(id, Role.PARTICIPANT),
                "{\"email\": \"" + email + "\", \"displayName\": \"Lea\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> invited = post("/organisations/" + id + "/invitations", focal, "{\"email\": \"" + email + "\", \"displayName\": \"Lea Muster\"}");
        assertThat(invited.statusCode()).isEqualTo(201);
        String token = json(invited, "$.token");
        String accountId = json(invited, "$.accountId");

        HttpResponse<String> weak = post("/invitations/" + token + "/accept", null, "{\"password\": \"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(MembershipTest.<String>json(weak, "$.errors[0].field")).isEqualTo("password");

        HttpResponse<String> accepted = post("/invitations/" + token + "/accept", null, "{\"password\": \"" + PASSWORD + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(MembershipTest.<String>json(accepted, "$.accountId")).isEqualTo(accountId);

        HttpResponse<String> twice = post("/invitations/" + token + "/accept", null, "{\"password\": \"another long password\"}");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<String>json(twice, "$.type")).isEqualTo("urn:icm:problem:invitation-invalid");

        // the stores hold a bcrypt hash and the token's hash, never the secrets themselves
        String hash = jdbc.queryForObject("select password_hash from credentials where account_id = ?", String.class, accountId);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(jdbc.queryForList("select token_hash from invitations where account_id = ?", String.class, accountId))
                .singleElement().isEqualTo(CredentialStore.hash(token)).isNotEqualTo(token);

        // no event row of the organisation, payload or metadata, holds the password, its hash or the token, nor the
        // person's address or name in clear (sealed with their own key)
        List<String> rows = jdbc.query("select payload, meta_data from domain_event_entry where aggregate_identifier = ?",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8) + new String(rs.getBytes(2), StandardCharsets.UTF_8), id);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(4).anySatisfy(row -> assertThat(row).contains("\"accountId\":\"" + accountId + "\""))
                .allSatisfy(row -> assertThat(row).doesNotContain(email).doesNotContain("Lea Muster"));
        assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContain(PASSWORD).doesNotContain(hash).doesNotContain(token)
                .doesNotContain(CredentialStore.hash(token)));
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(token).doesNotContain(hash);
    }

    @Test
    void anExpiredInvitationIsRefusedAndAnEmailHasOneAccount() {
        String id = admittedOrganisation();
        String email = "old-" + id + "@example.org";
        HttpResponse<String> invited = post("/organisations/" + id + "/invitations", focalPoint(), "{\"email\": \"" + email + "\", \"displayName\": \"Old\"}");
        String accountId = json(invited, "$.accountId");
        String expired = store.invite(accountId, id, email, Instant.now().minusSeconds(60));

        HttpResponse<String> late = post("/invitations/" + expired + "/accept", null, "{\"password\": \"" + PASSWORD + "\"}");
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<String>json(late, "$.type")).isEqualTo("urn:icm:problem:invitation-invalid");
        assertThat(post("/invitations/not-a-token/accept", null, "{\"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(422);

        // the real invitation still works; then the address is taken across the platform
        assertThat(post(json(invited, "$.acceptPath"), null, "{\"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> duplicate = post("/organisations/" + admittedOrganisation() + "/invitations", focalPoint(),
                "{\"email\": \"" + email.toUpperCase() + "\", \"displayName\": \"Old again\"}");
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<String>json(duplicate, "$.errors[0].field")).isEqualTo("email");
    }

    private String admittedOrganisation() {
        String id = json(post("/organisations", null, application("Invitations Test " + UUID.randomUUID(), "EUROPEAN", List.of(), "BOTH",
                List.of(), List.of())), "$.id");
        assertThat(post("/organisations/" + id + "/admit", focalPoint(), null).statusCode()).isEqualTo(200);
        return id;
    }
}
