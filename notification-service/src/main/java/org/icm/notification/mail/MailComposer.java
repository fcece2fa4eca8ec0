package org.icm.notification.mail;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.icm.notification.NotificationProperties;
import org.icm.notification.feed.Notification;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Writes the text and HTML of a mail: one notification, or a digest grouped by dossier, newest first. */
@Component
public class MailComposer {

    /** What a mail says, before it has an envelope. */
    public record Mail(String subject, String text, String html) {
    }

    static final String OTHER = "Other news";

    private final NotificationProperties properties;

    public MailComposer(NotificationProperties properties) {
        this.properties = properties;
    }

    /** How a mail greets its reader. */
    public static String greeting(org.icm.notification.directory.Account account) {
        return account.displayName() == null || account.displayName().isBlank() ? "member of ICM" : account.displayName();
    }

    public Mail single(String greetingName, Notification n, String unsubscribeUrl) {
        String link = properties.webBaseUrl() + n.link();
        String text = "Hello " + greetingName + ",\n\n" + n.explanation() + "\n" + link + "\n\n" + footerText(unsubscribeUrl);
        String html = "<html><body><p>Hello " + esc(greetingName) + ",</p><p>" + esc(n.explanation()) + "<br><a href=\"" + esc(link)
                + "\">" + esc(link) + "</a></p>" + footerHtml(unsubscribeUrl) + "</body></html>";
        return new Mail("[ICM] " + n.explanation(), text, html);
    }

    /**
     * A digest: one section per dossier (notifications about no dossier under "Other news"), sections ordered by
     * their newest notification, notifications newest first within a section.
     */
    public Mail digest(String greetingName, String period, List<Notification> notifications, String unsubscribeUrl) {
        Map<String, List<Notification>> sections = sections(notifications);
        StringBuilder text = new StringBuilder("Hello " + greetingName + ",\n\nYour " + period + " digest: "
                + notifications.size() + " notification" + (notifications.size() == 1 ? "" : "s") + ".\n");
        StringBuilder html = new StringBuilder("<html><body><p>Hello " + esc(greetingName) + ",</p><p>Your " + esc(period) + " digest: "
                + notifications.size() + " notification" + (notifications.size() == 1 ? "" : "s") + ".</p>");
        sections.forEach((title, items) -> {
            text.append("\n== ").append(title).append(" ==\n");
            html.append("<h2>").append(esc(title)).append("</h2><ul>");
            for (Notification n : items) {
                String link = properties.webBaseUrl() + n.link();
                text.append("- ").append(n.explanation()).append("\n  ").append(link).append('\n');
                html.append("<li>").append(esc(n.explanation())).append(" <a href=\"").append(esc(link)).append("\">open</a></li>");
            }
            html.append("</ul>");
        });
        text.append('\n').append(footerText(unsubscribeUrl));
        html.append(footerHtml(unsubscribeUrl)).append("</body></html>");
        return new Mail("[ICM] Your " + period + " digest (" + notifications.size() + ")", text.toString(), html.toString());
    }

    static Map<String, List<Notification>> sections(List<Notification> notifications) {
        Comparator<Notification> newestFirst = Comparator.comparing(Notification::occurredAt).reversed().thenComparing(Notification::id, Comparator.naturalOrder());
        Map<String, List<Notification>> sections = new LinkedHashMap<>();
        notifications.stream().sorted(newestFirst).forEach(n -> sections
                .computeIfAbsent(n.dossierId() == null ? OTHER : Objects.requireNonNullElse(n.dossierTitle(), n.dossierId()),
                        title -> new java.util.ArrayList<>())
                .add(n));
        return sections;
    }

    private static String footerText(String unsubscribeUrl) {
        return "--\nYou receive this because of your ICM subscriptions. Stop these e-mails: " + unsubscribeUrl;
    }

    private static String footerHtml(String unsubscribeUrl) {
        return "<hr><p style=\"font-size:small\">You receive this because of your ICM subscriptions. <a href=\"" + esc(unsubscribeUrl)
                + "\">Stop these e-mails</a></p>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
