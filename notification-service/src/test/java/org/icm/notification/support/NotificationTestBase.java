package org.icm.notification.support;

import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.kernel.events.membership.AccountActivated;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.OrganisationAdmitted;
import org.icm.kernel.events.membership.OrganisationApplied;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.directory.Account;
import org.icm.notification.subscription.Subscription;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the tests of this module share: the one context, a publisher on the real broker, accounts, and HTTP. */
@NotificationSpringTest
public abstract class NotificationTestBase {

    private static Publisher publisher;

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected TestClock clock;

    protected final HttpClient http = HttpClient.newHttpClient();

    private ApiClient api;

    /** An account as the tests use it: ids, a token, its e-mail address. */
    public record Person(AccountId account, OrganisationId organisation, String token, String email) {
        public String id() {
            return account.toString();
        }
    }

    protected static synchronized Publisher publisher() {
        if (publisher == null) {
            publisher = Publisher.onSharedBroker();
        }
        return publisher;
    }

    @AfterAll
    static void closePublisher() {
        synchronized (NotificationTestBase.class) {
            if (publisher != null) {
                publisher.close();
                publisher = null;
            }
        }
    }

    /** Staff of an admitted organisation, known to the directory before this returns. */
    protected Person member(Role... roles) {
        return memberIn(null, roles);
    }

    /** Staff of an admitted organisation who signed up on a page in {@code language} (en, fr; null: before it was kept). */
    protected Person memberIn(String language, Role... roles) {
        OrganisationId organisation = OrganisationId.random();
        publisher().publish(MembershipIntegrationEvents.ORGANISATION_ADMITTED, new OrganisationAdmitted(organisation.toString(), "Org " + organisation));
        return activateIn(language, organisation, roles.length == 0 ? new Role[] {Role.PARTICIPANT} : roles);
    }

    /** Staff of an organisation that has only applied: not a member, sees public content only. */
    protected Person applicant() {
        OrganisationId organisation = OrganisationId.random();
        publisher().publish(MembershipIntegrationEvents.ORGANISATION_APPLIED, new OrganisationApplied(organisation.toString(),
                "Applicant " + organisation, "APP", OrganisationKind.values()[0], OrganisationScope.values()[0], List.of(),
                OrganisationFocus.values()[0]));
        return activate(organisation, Role.PARTICIPANT);
    }

    /** A person who signed up before accounts carried a language (the event has none): they read English. */
    protected Person activate(OrganisationId organisation, Role... roles) {
        return activateIn(null, organisation, roles);
    }

    /** A person who signed up on a page in {@code language} (en, fr). */
    protected Person activateIn(String language, OrganisationId organisation, Role... roles) {
        AccountId account = AccountId.random();
        String email = "a-" + account + "@test.icm";
        publisher().publish(MembershipIntegrationEvents.ACCOUNT_ACTIVATED, new AccountActivated(organisation.toString(),
                "Org " + organisation, account.toString(), email, "Person " + account.toString().substring(0, 8), List.of(roles), language));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(account.toString(), Account.class) != null
                && mongo.findById(account.toString(), Subscription.class) != null);
        return new Person(account, organisation, TestTokens.get().mint(account, organisation, roles), email);
    }

    /** A dossier, published or left in draft; answers its id. */
    protected String dossier(String title, PolicyArea area, boolean published) {
        String id = UUID.randomUUID().toString();
        publisher().publish(PolicyIntegrationEvents.DOSSIER_OPENED, new DossierOpened(id, title, area, "summary", null));
        if (published) {
            publisher().publish(PolicyIntegrationEvents.DOSSIER_PUBLISHED, new DossierPublished(id, title, area));
        }
        return id;
    }

    protected String stageChange(String dossierId, String title, PolicyArea area, ProcedureStage from, ProcedureStage to, String date) {
        return publisher().publish(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, new MeasureStageChanged(dossierId, title, area,
                "m-" + dossierId, title, "2024/0001(COD)", from, to, java.time.LocalDate.parse(date), false));
    }

    /** Waits until the consumer has fully handled the event with this CloudEvents id. */
    protected void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(eventId)), "processed"));
    }

    /** The mails the SMTP server received for this address, oldest first. */
    public static List<jakarta.mail.internet.MimeMessage> mailsTo(String to) {
        List<jakarta.mail.internet.MimeMessage> found = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : org.icm.infrastructure.SharedInfrastructure.get().smtp().receivedMessages()) {
            try {
                var recipients = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
                if (recipients != null && recipients.length > 0 && recipients[0].toString().equals(to)) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The mails the SMTP server received for this address, once there are at least {@code count}. */
    protected static List<jakarta.mail.internet.MimeMessage> awaitMails(String to, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to).size() >= count);
        return mailsTo(to);
    }

    /** The content of the first part of this MIME type, however deep the multipart nesting. */
    protected static String part(jakarta.mail.Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart body = multipart.getBodyPart(i);
                String found = part(body, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // --- HTTP ---

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** test-support's client of this service, as the person's web client would call it. */
    protected ApiClient api() {
        if (api == null) {
            api = new ApiClient(port);
        }
        return api;
    }

    protected HttpResponse<String> get(String path, Person person) {
        return api().get(path, person.token());
    }

    protected HttpResponse<String> post(String path, Person person) {
        return api().post(path, person.token(), null);
    }

    protected HttpResponse<String> put(String path, Person person, String json) {
        return api().put(path, person.token(), json);
    }

    /** A request test-support's client does not make (a form, no token): sent as it is. */
    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The person's whole feed (one page of 100), as the API lists it. */
    protected List<Map<String, Object>> feed(Person person) {
        HttpResponse<String> response = get("/feed?size=100", person);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("feed answered " + response.statusCode() + ": " + response.body());
        }
        return JsonPath.read(response.body(), "$.items");
    }

    protected List<Map<String, Object>> awaitFeed(Person person, int size) {
        await().atMost(Duration.ofSeconds(30)).until(() -> feed(person).size() >= size);
        return feed(person);
    }

    /** Sets the person's subscription through the API. */
    protected void subscribe(Person person, String json) {
        HttpResponse<String> response = put("/subscriptions/me", person, json);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("subscription answered " + response.statusCode() + ": " + response.body());
        }
    }

    protected static String everythingBy(String channels, String rhythm) {
        return """
                {"kinds":["MEETING_SCHEDULED_OR_CHANGED","CONSULTATION_OPENED_OR_DEADLINE_CHANGED","MEASURE_STAGE_CHANGED",
                 "RECOMMENDATION_PUBLISHED_OR_REVISED","RECOMMENDATION_UPTAKE","NATIONAL_IMPLEMENTATION","BULLETIN_POSTED","ORGANISATION_APPLIED",
                 "REMINDER"],
                 "dossiers":[],"policyAreas":[],"rights":[],"channels":%s,"emailRhythm":"%s"}""".formatted(channels, rhythm);
    }
}
