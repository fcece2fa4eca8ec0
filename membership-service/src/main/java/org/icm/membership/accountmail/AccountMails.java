package org.icm.membership.accountmail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mails about a person's own account, which carry a secret link and so are sent by this service itself, never
 * through Kafka: the invitation, and the link to reset a forgotten password. In English or French; links lead to the
 * platform's public address ({@code icm.security.issuer}, the gateway people reach); times are said in Brussels time.
 * A mail that cannot be sent is logged (without its link) and reported to the caller, who may try again.
 */
@Component
public class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);
    /** Where the network meets: the time zone in which expiry times are written. */
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    /** Countries whose organisations get French mails when the invitee's language is not given. */
    private static final Set<String> FRENCH_SPEAKING = Set.of("FR", "BE", "LU", "MC");

    private final JavaMailSender mail;
    private final String publicUrl;
    private final String from;

    AccountMails(JavaMailSender mail, @Value("${icm.security.issuer}") String publicUrl,
                 @Value("${icm.account-mails.from:ICM platform <accounts@icm.localhost>}") String from) {
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.from = from;
    }

    /** The language of a mail: the one asked for when it is one of the platform's, else French for an organisation in a French-speaking country only. */
    public static Locale language(String asked, Collection<String> organisationCountries) {
        if ("fr".equalsIgnoreCase(asked) || "en".equalsIgnoreCase(asked)) {
            return Locale.forLanguageTag(asked.toLowerCase(Locale.ROOT));
        }
        boolean french = !organisationCountries.isEmpty() && FRENCH_SPEAKING.containsAll(organisationCountries);
        return french ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** Answers whether the mail was handed to the mail server. */
    public boolean invitation(String to, String displayName, String organisationName, boolean analyst, String token, Instant expiresAt,
                              Locale language) {
        String link = link("/invitations/{token}", token);
        String expiry = when(expiresAt, language);
        boolean french = language.getLanguage().equals("fr");
        String subject = french ? "[ICM] Invitation à rejoindre " + organisationName + " sur la plateforme ICM"
                : "[ICM] You are invited to join " + organisationName + " on the ICM platform";
        String text = french ? """
                Bonjour %s,

                %s est membre de l’Initiative for Children in Migration (ICM). Un point focal du réseau vous invite à ouvrir un compte sur sa plateforme%s.

                Pour accepter, choisissez votre mot de passe ici :
                %s

                L’invitation expire le %s. Si vous ne l’attendiez pas, ignorez ce message : aucun compte ne sera ouvert.

                La plateforme ICM
                """.formatted(displayName, organisationName, analyst ? " (avec le rôle d’analyste)" : "", link, expiry)
                : """
                Hello %s,

                %s is a member of the Initiative for Children in Migration (ICM). A focal point of the network has invited you to an account on its platform%s.

                To accept, choose your password here:
                %s

                The invitation expires on %s. If you did not expect it, ignore this mail: no account will be opened.

                The ICM platform
                """.formatted(displayName, organisationName, analyst ? " (with the analyst role)" : "", link, expiry);
        return send(to, subject, text, language, "invitation");
    }

    /** Answers whether the mail was handed to the mail server. */
    public boolean passwordReset(String to, String displayName, String token, Instant expiresAt, Locale language) {
        String link = link("/password-reset/{token}", token);
        String expiry = when(expiresAt, language);
        boolean french = language.getLanguage().equals("fr");
        String subject = french ? "[ICM] Choisir un nouveau mot de passe" : "[ICM] Choose a new password";
        String text = french ? """
                Bonjour %s,

                Quelqu’un, sans doute vous, a demandé un nouveau mot de passe pour votre compte ICM. Choisissez-le ici :
                %s

                Ce lien sert une seule fois, jusqu’au %s. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

                La plateforme ICM
                """.formatted(displayName, link, expiry)
                : """
                Hello %s,

                Someone, probably you, asked for a new password for your ICM account. Choose it here:
                %s

                This link works once, until %s. If you did not ask, ignore this mail: your password stays as it is.

                The ICM platform
                """.formatted(displayName, link, expiry);
        return send(to, subject, text, language, "password reset");
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(publicUrl).path(path).buildAndExpand(token).toUriString();
    }

    private static String when(Instant instant, Locale language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language).withZone(BRUSSELS)
                .format(instant) + (language.getLanguage().equals("fr") ? " (heure de Bruxelles)" : " (Brussels time)");
    }

    private boolean send(String to, String subject, String text, Locale language, String what) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, "<html lang=\"" + language.getLanguage() + "\"><body><p>"
                    + HtmlUtils.htmlEscape(text).replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>").replace("\n\n", "</p><p>").replace("\n", "<br>")
                    + "</p></body></html>");
            message.setHeader("Content-Language", language.getLanguage());
            mail.send(message);
            return true;
        } catch (MailException | MessagingException e) {
            log.warn("the {} mail could not be sent: {}", what, e.getMessage());
            return false;
        }
    }
}
