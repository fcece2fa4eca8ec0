package org.icm.testing;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.awaitility.Awaitility;

/**
 * A person's mailbox on the embedded mail server, read over IMAP as a mail client reads it (GreenMail makes a mailbox
 * for each address it receives mail for, with the address as login and password).
 */
public final class Mailbox {

    /** One mail as its reader sees it: subject, the List-Unsubscribe header (or ""), plain text, and the headers asked about. */
    public record Mail(String subject, String listUnsubscribe, String text, String contentLanguage) {
    }

    private Mailbox() {
    }

    /** Every mail in the address's inbox, oldest first; none when nothing was ever sent to it. */
    public static List<Mail> read(int imapPort, String address) {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                String[] listUnsubscribe = message.getHeader("List-Unsubscribe");
                String[] language = message.getHeader("Content-Language");
                mails.add(new Mail(message.getSubject(), listUnsubscribe == null ? "" : String.join(", ", listUnsubscribe), plainText(message),
                        language == null ? null : language[0]));
            }
            inbox.close(false);
            return mails;
        } catch (AuthenticationFailedException noMailboxYet) {
            return List.of();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + ": " + e.getMessage(), e);
        }
    }

    /** Waits up to 30 seconds until the address has at least {@code count} mails; answers them all. */
    public static List<Mail> await(int imapPort, String address, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> read(imapPort, address), mails -> mails.size() >= count);
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(plainText(parts.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }
}
