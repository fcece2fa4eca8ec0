package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.icm.endtoend.SignIn;
import org.icm.testing.ApiClient;
import org.icm.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mails about a person's own account, read over IMAP as their mail client would, and followed in a real browser:
 * the invitation (its link sets the password), and the way back in after a forgotten password; signing out ends the
 * session at the issuer too. A focal point sees
 * who has not accepted yet and sends a new link.
 */
@ExtendWith(RunningPlatform.class)
class AccountMailsJourneyIT {

    @Test
    void anInvitedPersonJoinsFromTheMailForgetsTheirPasswordAndGetsBackInByMail(Platform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "mail-journey-" + run + "@example.org";
        String name = "Mila Mail " + run;
        ApiClient gateway = new ApiClient(platform.port("gateway"), Duration.ofSeconds(60));
        String focal = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        String organisation = JsonPath.read(gateway.post("/api/membership/organisations", null, """
                {"name": "Mail Journey Verein %s", "kind": "NGO", "scope": "NATIONAL", "countries": ["AT"], "focus": "BOTH",
                 "contact": {"name": "Office", "email": "office-%s@example.org"}}""".formatted(run, run)).body(), "$.id");
        assertThat(gateway.post("/admin/membership/organisations/" + organisation + "/admit", focal, null).statusCode()).isEqualTo(200);
        HttpResponse<String> invited = gateway.post("/admin/membership/organisations/" + organisation + "/invitations", focal,
                "{\"email\":\"%s\",\"displayName\":\"%s\"}".formatted(email, name));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);

        // the invitation, in the person's mailbox, leads to this platform's front door
        Mailbox.Mail invitation = Mailbox.await(platform.port("imap"), email, 1).getFirst();
        assertThat(invitation.subject()).isEqualTo("[ICM] You are invited to join Mail Journey Verein " + run + " on the ICM platform");
        String invitationPath = path(invitation, "/invitations/");

        String password = "the first passphrase " + run;
        String newPassword = "the second passphrase " + run;
        try (Browser person = new Browser(platform)) {
            person.open(invitationPath);
            person.type("#password", password);
            person.type("#repeat", password);
            person.click("button[type=submit]");
            person.awaitHeading("Your account is ready");

            // forgotten: from the sign-in page to a link by mail
            person.open("/sign-in");
            person.click("a[href='/password-reset']");
            person.awaitHeading("Forgot your password?");
            person.screenshotAndCheck("password-reset-ask");
            person.type("#email", email);
            person.click("button[type=submit]");
            assertThat(person.text("#reset-sent")).startsWith("If an account has this address, a link to choose a new password is on its way.");
            person.screenshotAndCheck("password-reset-sent");

            Mailbox.Mail reset = Mailbox.await(platform.port("imap"), email, 2).get(1);
            assertThat(reset.subject()).isEqualTo("[ICM] Choose a new password");
            assertThat(reset.text()).contains("Hello " + name + ",", "This link works once, until");
            person.open(path(reset, "/password-reset/"));
            person.awaitHeading("Choose a new password");
            person.type("#password", newPassword);
            person.type("#repeat", newPassword);
            person.click("button[type=submit]");
            person.awaitHeading("Your password is changed");
            person.screenshotAndCheck("password-reset-done");

            // the link works once
            person.open(path(reset, "/password-reset/"));
            person.type("#password", newPassword + " again");
            person.type("#repeat", newPassword + " again");
            person.click("button[type=submit]");
            assertThat(person.outcome()).startsWith("refused:").contains("this link is unknown, used or expired");
        }
        try (Browser person = new Browser(platform)) {
            person.signIn(email, newPassword);
            assertThat(person.all("form[action$='/sign-out']")).isNotEmpty();

            // signing out ends the session at the issuer too (OpenID Connect logout): the next sign-in asks for the password
            person.click("form[action$='/sign-out'] button");
            assertThat(person.outcome()).isEqualTo("You are signed out.");
            assertThat(person.path()).isEqualTo("/");
            person.open("/sign-in");
            person.find("#username");
            assertThat(person.path()).isEqualTo("/login");
        }
    }

    /**
     * ... and the person accepts the new link on the French page: what the network tells them afterwards (the feed page,
     * the mail) is in French, with the stages' words.
     */
    @Test
    void aFocalPointSeesWhoHasNotAcceptedAndMailsThemANewLinkWhichThePersonAcceptsInFrench(Platform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "not-yet-" + run + "@example.org";
        String name = "Noa Notyet " + run;
        ApiClient gateway = new ApiClient(platform.port("gateway"), Duration.ofSeconds(60));
        String focal = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        String organisation = JsonPath.read(gateway.post("/api/membership/organisations", null, """
                {"name": "Pas Encore %s", "kind": "NGO", "scope": "NATIONAL", "countries": ["FR"], "focus": "BOTH",
                 "contact": {"name": "Bureau", "email": "bureau-%s@example.org"}}""".formatted(run, run)).body(), "$.id");
        assertThat(gateway.post("/admin/membership/organisations/" + organisation + "/admit", focal, null).statusCode()).isEqualTo(200);
        HttpResponse<String> invited = gateway.post("/admin/membership/organisations/" + organisation + "/invitations", focal,
                "{\"email\":\"%s\",\"displayName\":\"%s\"}".formatted(email, name));
        assertThat(invited.statusCode()).isEqualTo(201);
        String row = "#invitation-" + JsonPath.<String>read(invited.body(), "$.accountId");
        Mailbox.Mail first = Mailbox.await(platform.port("imap"), email, 1).getFirst();
        assertThat(first.subject()).as("an organisation in France: French").startsWith("[ICM] Invitation à rejoindre Pas Encore " + run);

        try (Browser focalPoint = new Browser(platform)) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                focalPoint.open("/admissions");
                return focalPoint.all(row).stream().anyMatch(tr -> tr.getText().contains(email) && tr.getText().contains(name));
            });
            focalPoint.screenshotAndCheck("admissions-invitations");
            focalPoint.click(row + " button.secondary");
            assertThat(focalPoint.outcome()).isEqualTo("A new link is on its way to " + name + "; the earlier one no longer works.");
        }
        List<Mailbox.Mail> mails = Mailbox.await(platform.port("imap"), email, 2);
        String newLink = path(mails.get(1), "/invitations/");
        assertThat(newLink).isNotEqualTo(path(first, "/invitations/"));

        // a published dossier with a measure at its first step; the person will follow it by mail at once
        String dossier = JsonPath.read(gateway.post("/admin/policy/dossiers", focal,
                "{\"title\":\"Directive accueil %s\",\"policyArea\":\"RECEPTION\",\"summary\":\"Accueil des enfants\"}".formatted(run)).body(), "$.id");
        String measure = JsonPath.read(gateway.post("/admin/policy/dossiers/" + dossier + "/measures", focal,
                "{\"title\":\"Directive accueil %s\",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2016/0222(COD)\"}".formatted(run)).body(), "$.id");
        String steps = "/admin/policy/dossiers/" + dossier + "/measures/" + measure + "/steps";
        assertThat(gateway.post(steps, focal, "{\"stage\":\"PUBLISHED_IN_OJ\",\"effectiveDate\":\"2024-06-11\"}").statusCode()).isEqualTo(201);
        assertThat(gateway.post("/admin/policy/dossiers/" + dossier + "/publish", focal, null).statusCode()).isEqualTo(200);

        String password = "une phrase de passe " + run;
        try (Browser person = new Browser(platform)) {
            person.open(newLink + "?lang=fr");
            person.type("#password", password);
            person.type("#repeat", password);
            person.click("button[type=submit]");
            person.awaitHeading("Votre compte est pr\u00eat");
            String token = SignIn.accessToken(platform, email, password);
            HttpResponse<String> subscribed = gateway.put("/api/notifications/subscriptions/me", token, """
                    {"kinds":["MEASURE_STAGE_CHANGED"],"dossiers":["%s"],"policyAreas":[],"rights":[],
                     "channels":["IN_APP","EMAIL"],"emailRhythm":"IMMEDIATE"}""".formatted(dossier));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);

            assertThat(gateway.post(steps, focal, "{\"stage\":\"IN_APPLICATION\",\"effectiveDate\":\"2026-06-12\"}").statusCode()).isEqualTo(201);
            String inFrench = "Directive accueil " + run + "\u00a0: passage de \u00ab\u00a0Publi\u00e9e au Journal officiel\u00a0\u00bb \u00e0 "
                    + "\u00ab\u00a0En application\u00a0\u00bb le 12 juin 2026";
            Mailbox.Mail news = Mailbox.await(platform.port("imap"), email, 3).get(2);
            assertThat(news.subject()).isEqualTo("[ICM] " + inFrench);
            assertThat(news.text()).startsWith("Bonjour " + name + ",").contains(inFrench).doesNotContain("IN_APPLICATION");

            person.signIn(email, password);
            person.open("/feed");
            person.awaitHeading("Mes notifications");
            // (a browser reads a no-break space as a space)
            assertThat(person.all("#feed-list li")).anySatisfy(item -> assertThat(item.getText()).contains(inFrench.replace('\u00a0', ' ')));
            person.screenshotAndCheck("feed-in-french");
        }
    }

    /** The path of the mail's link that starts with {@code prefix}, checked to lead to this platform. */
    private static String path(Mailbox.Mail mail, String prefix) {
        Matcher link = Pattern.compile("(http://localhost:\\d+" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        return URI.create(link.group(1)).getPath();
    }
}
