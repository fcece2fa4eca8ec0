package org.icm.notification.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.icm.notification.NotificationProperties;
import org.icm.notification.directory.Account;
import org.icm.notification.feed.Notification;
import org.icm.notification.routing.Happening;
import org.icm.notification.subscription.Rhythm;
import org.icm.notification.tracking.TrackedMeeting;
import org.icm.notification.wording.Story;
import org.icm.notification.wording.Wording;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the text and HTML of a mail in its reader's language: one notification, or a digest grouped by dossier, newest
 * first. The subject says what changed (one notification) or how much did (a digest).
 */
@Component
public class MailComposer {

    /** What a mail says, before it has an envelope. */
    public record Mail(String subject, String text, String html) {
    }

    /** A happening a briefing tells, and whether it is late news: told in the period, but effective before it began. */
    public record Told(Happening happening, boolean lateNews) {
    }

    private final NotificationProperties properties;
    private final Wording wording;

    public MailComposer(NotificationProperties properties, Wording wording) {
        this.properties = properties;
        this.wording = wording;
    }

    public Mail single(Account reader, Locale language, Notification n, String unsubscribeUrl) {
        String link = properties.webBaseUrl() + n.link();
        String line = n.line(wording, language);
        String hello = hello(reader, language);
        String text = hello + "\n\n" + line + "\n" + link + "\n\n" + footerText(language, unsubscribeUrl);
        String html = "<html lang=\"" + language.getLanguage() + "\"><body><p>" + esc(hello) + "</p><p>" + esc(line) + "<br><a href=\""
                + esc(link) + "\">" + esc(link) + "</a></p>" + footerHtml(language, unsubscribeUrl) + "</body></html>";
        return new Mail(wording.say("mail.subject", language, Map.of("line", line)), text, html);
    }

    /**
     * A digest: one section per dossier (notifications about no dossier under "Other news"), sections ordered by
     * their newest notification, notifications newest first within a section.
     */
    public Mail digest(Account reader, Locale language, Rhythm rhythm, List<Notification> notifications, String unsubscribeUrl) {
        Map<String, String> count = Map.of("count", notifications.size() == 1 ? wording.say("digest.one", language)
                : wording.say("digest.many", language, Map.of("count", String.valueOf(notifications.size()))));
        String hello = hello(reader, language);
        String intro = wording.say("digest.intro." + rhythm, language, count);
        StringBuilder text = new StringBuilder(hello + "\n\n" + intro + "\n");
        StringBuilder html = new StringBuilder("<html lang=\"" + language.getLanguage() + "\"><body><p>" + esc(hello) + "</p><p>"
                + esc(intro) + "</p>");
        sections(notifications, wording.say("digest.other", language)).forEach((title, items) -> {
            text.append("\n== ").append(title).append(" ==\n");
            html.append("<h2>").append(esc(title)).append("</h2><ul>");
            for (Notification n : items) {
                String link = properties.webBaseUrl() + n.link();
                String line = n.line(wording, language);
                text.append("- ").append(line).append("\n  ").append(link).append('\n');
                html.append("<li>").append(esc(line)).append(" <a href=\"").append(esc(link)).append("\">")
                        .append(esc(wording.say("mail.open", language))).append("</a></li>");
            }
            html.append("</ul>");
        });
        text.append('\n').append(footerText(language, unsubscribeUrl));
        html.append(footerHtml(language, unsubscribeUrl)).append("</body></html>");
        return new Mail(wording.say("digest.subject." + rhythm, language, count), text.toString(), html.toString());
    }

    /**
     * A meeting's briefing: its title and date, then under each dossier on its agenda what the platform told since the
     * previous meeting ({@code sincePrevious}) or in the last 30 days, oldest first (one line when nothing was), late news
     * marked in words (and what the mark means said once), and the link to the full briefing page ({@code link}, a path
     * under the platform).
     */
    public Mail briefing(Account reader, Locale language, TrackedMeeting meeting, boolean sincePrevious, Map<String, List<Told>> byDossier,
                         String link, String unsubscribeUrl) {
        String title = wording.line(Story.of("briefing.meeting", "meetingTitle", meeting.title(), "startsAt", meeting.startsAt(),
                "timeZone", meeting.timeZone()), language);
        String url = properties.webBaseUrl() + link;
        String hello = hello(reader, language);
        StringBuilder text = new StringBuilder(hello + "\n\n" + title + "\n\n");
        StringBuilder html = new StringBuilder("<html lang=\"" + language.getLanguage() + "\"><body><p>" + esc(hello) + "</p><h1>"
                + esc(title) + "</h1>");
        if (byDossier.isEmpty()) {
            String nothing = wording.say(sincePrevious ? "briefing.nothing-since-previous" : "briefing.nothing-since-days", language);
            text.append(nothing).append('\n');
            html.append("<p>").append(esc(nothing)).append("</p>");
        } else {
            String intro = wording.say(sincePrevious ? "briefing.since-previous" : "briefing.since-days", language);
            text.append(intro).append('\n');
            html.append("<p>").append(esc(intro)).append("</p>");
            if (byDossier.values().stream().flatMap(List::stream).anyMatch(Told::lateNews)) {
                String legend = wording.say("briefing.late-news-legend", language);
                text.append(legend).append('\n');
                html.append("<p>").append(esc(legend)).append("</p>");
            }
            String late = wording.say("briefing.late-news", language);
            byDossier.forEach((dossier, told) -> {
                text.append("\n== ").append(dossier).append(" ==\n");
                html.append("<h2>").append(esc(dossier)).append("</h2><ul>");
                for (Told t : told) {
                    Happening h = t.happening();
                    String line = h.story() == null ? h.explanation() : wording.line(h.story(), language);
                    text.append("- ").append(t.lateNews() ? "[" + late + "] " : "").append(line).append('\n');
                    html.append("<li>").append(t.lateNews() ? "<strong>[" + esc(late) + "]</strong> " : "").append(esc(line)).append("</li>");
                }
                html.append("</ul>");
            });
        }
        String full = wording.say("briefing.full", language);
        text.append('\n').append(full).append(' ').append(url).append("\n\n").append(footerText(language, unsubscribeUrl));
        html.append("<p><a href=\"").append(esc(url)).append("\">").append(esc(full)).append("</a></p>")
                .append(footerHtml(language, unsubscribeUrl)).append("</body></html>");
        return new Mail(wording.say("mail.subject", language, Map.of("line", title)), text.toString(), html.toString());
    }

    static Map<String, List<Notification>> sections(List<Notification> notifications, String other) {
        Comparator<Notification> newestFirst = Comparator.comparing(Notification::occurredAt).reversed().thenComparing(Notification::id, Comparator.naturalOrder());
        Map<String, List<Notification>> sections = new LinkedHashMap<>();
        notifications.stream().sorted(newestFirst).forEach(n -> sections
                .computeIfAbsent(n.dossierId() == null ? other : Objects.requireNonNullElse(n.dossierTitle(), n.dossierId()),
                        title -> new ArrayList<>())
                .add(n));
        return sections;
    }

    /** How a mail greets its reader: by name, or as a member when the account has none. */
    private String hello(Account reader, Locale language) {
        String name = reader.displayName() == null || reader.displayName().isBlank() ? wording.say("mail.reader", language) : reader.displayName();
        return wording.say("mail.hello", language, Map.of("name", name));
    }

    private String footerText(Locale language, String unsubscribeUrl) {
        return "--\n" + wording.say("mail.why", language) + " " + wording.say("mail.stop-at", language, Map.of("url", unsubscribeUrl));
    }

    private String footerHtml(Locale language, String unsubscribeUrl) {
        return "<hr><p style=\"font-size:small\">" + esc(wording.say("mail.why", language)) + " <a href=\"" + esc(unsubscribeUrl)
                + "\">" + esc(wording.say("mail.stop", language)) + "</a></p>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
