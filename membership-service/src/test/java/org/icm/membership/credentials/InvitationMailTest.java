package org.icm.membership.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.infrastructure.SharedInfrastructure;
import org.icm.kernel.identity.Role;
import org.icm.membership.MembershipTest;
import org.icm.testing.Mailbox;
import org.junit.jupiter.api.Test;

/**
 * The invited person gets the invitation by mail, in their language, with the link and its expiry; a focal point sees
 * who has not accepted yet, sends a new link (the old one stops working) or revokes the invitation.
 */
class InvitationMailTest extends MembershipTest {

    static final String PASSWORD = "correct horse battery staple";

    @Test
    void theInvitationArrivesByMailWithItsLinkAndExpiryAndANewLinkReplacesTheOld() {
        String organisation = admitted("Invitation Mail Test " + UUID.randomUUID(), "EUROPEAN", List.of());
        String email = "nora-" + UUID.randomUUID() + "@example.org";

        HttpResponse<String> invited = post("/organisations/" + organisation + "/invitations", focalPoint(),
                "{\"email\": \"" + email + "\", \"displayName\": \"Nora Neu\", \"analyst\": true}");
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(MembershipTest.<Boolean>json(invited, "$.mailed")).isTrue();
        String accountId = json(invited, "$.accountId");

        Mailbox.Mail mail = Mailbox.await(imap(), email, 1).getFirst();
        assertThat(mail.subject()).isEqualTo("[ICM] You are invited to join " + organisationName(organisation) + " on the ICM platform");
        assertThat(mail.contentLanguage()).isEqualTo("en");
        assertThat(mail.text()).contains("Hello Nora Neu,", "(with the analyst role)", "The invitation expires on ", "(Brussels time)");
        String firstToken = linkToken(mail);
        assertThat(firstToken).isEqualTo(json(invited, "$.token"));

        // a focal point sees who has not accepted yet; nobody else does
        assertThat(get("/invitations", token(organisation, Role.PARTICIPANT)).statusCode()).isEqualTo(403);
        // (the list is read from the directory, which follows the event store a moment later)
        HttpResponse<String> pending = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> get("/invitations", focalPoint()), response -> response.body().contains(accountId));
        assertThat(MembershipTest.<List<String>>json(pending, "$[?(@.accountId=='" + accountId + "')].email")).containsExactly(email);
        assertThat(MembershipTest.<List<Boolean>>json(pending, "$[?(@.accountId=='" + accountId + "')].expired")).containsExactly(false);

        // a new link, in French this time; the first one stops working
        HttpResponse<String> resent = post("/organisations/" + organisation + "/invitations/" + accountId + "/resend", focalPoint(),
                "{\"language\": \"fr\"}");
        assertThat(resent.statusCode()).isEqualTo(200);
        Mailbox.Mail again = Mailbox.await(imap(), email, 2).get(1);
        assertThat(again.subject()).startsWith("[ICM] Invitation à rejoindre ");
        assertThat(again.text()).contains("Bonjour Nora Neu,", "L’invitation expire le ", "(heure de Bruxelles)");
        String secondToken = linkToken(again);
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(post("/invitations/" + firstToken + "/accept", null, "{\"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(422);
        assertThat(post("/invitations/" + secondToken + "/accept", null, "{\"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(200);

        // accepted: no longer pending, and nothing to send again
        assertThat(MembershipTest.<List<String>>json(get("/invitations", focalPoint()), "$[*].accountId")).doesNotContain(accountId);
        HttpResponse<String> late = post("/organisations/" + organisation + "/invitations/" + accountId + "/resend", focalPoint(), null);
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<String>json(late, "$.type")).isEqualTo("urn:icm:problem:invitation-not-pending");
    }

    @Test
    void anOrganisationInAFrenchSpeakingCountryInvitesInFrenchAndARevokedInvitationLeavesNothingUsable() {
        String organisation = admitted("Enfance et Migration " + UUID.randomUUID(), "NATIONAL", List.of("FR"));
        String email = "louis-" + UUID.randomUUID() + "@example.org";

        HttpResponse<String> invited = post("/organisations/" + organisation + "/invitations", focalPoint(),
                "{\"email\": \"" + email + "\", \"displayName\": \"Louis Martin\"}");
        Mailbox.Mail mail = Mailbox.await(imap(), email, 1).getFirst();
        assertThat(mail.subject()).isEqualTo("[ICM] Invitation à rejoindre " + organisationName(organisation) + " sur la plateforme ICM");
        assertThat(mail.contentLanguage()).isEqualTo("fr");
        assertThat(mail.text()).contains("Bonjour Louis Martin,").doesNotContain("analyste");
        String accountId = json(invited, "$.accountId");

        assertThat(delete("/organisations/" + organisation + "/invitations/" + accountId, token(organisation, Role.PARTICIPANT)).statusCode())
                .isEqualTo(403);
        assertThat(delete("/organisations/" + organisation + "/invitations/" + accountId, focalPoint()).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = post("/invitations/" + linkToken(mail) + "/accept", null, "{\"password\": \"" + PASSWORD + "\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<List<String>>json(get("/invitations", focalPoint()), "$[*].accountId")).doesNotContain(accountId);
        HttpResponse<String> accounts = awaitAccounts(organisation, accountId);
        assertThat(MembershipTest.<List<String>>json(accounts, "$[?(@.id=='" + accountId + "')].email")).containsExactly("erased person");
    }

    private HttpResponse<String> awaitAccounts(String organisation, String accountId) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(
                () -> get("/organisations/" + organisation + "/accounts", focalPoint()),
                response -> MembershipTest.<List<String>>json(response, "$[?(@.id=='" + accountId + "')].status").contains("ERASED"));
    }

    private static String linkToken(Mailbox.Mail mail) {
        Matcher link = Pattern.compile(Pattern.quote(ISSUER) + "/invitations/([A-Za-z0-9_-]{43})").matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        return link.group(1);
    }

    private String organisationName(String organisation) {
        return json(get("/organisations/" + organisation, null), "$.name");
    }

    private String admitted(String name, String scope, List<String> countries) {
        String id = json(post("/organisations", null, application(name, scope, countries, "BOTH", List.of(), List.of())), "$.id");
        assertThat(post("/organisations/" + id + "/admit", focalPoint(), null).statusCode()).isEqualTo(200);
        return id;
    }

    private static int imap() {
        return SharedInfrastructure.get().smtp().imapPort();
    }
}
