package news.gazette.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

/** Reading the mails GreenMail received, and writing a bounce into its bounce mailbox, for the newsletter tests. */
final class Mails {

    private Mails() {
    }

    static List<MimeMessage> mailsTo(String address) throws Exception {
        return Arrays.stream(NewsletterContract.MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(NewsletterContract.WITHIN).until(() -> mailsTo(address).size() >= count);
        try {
            return mailsTo(address);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String confirmLink(MimeMessage message) throws Exception {
        Matcher m = Pattern.compile("https://news\\.example/newsletter/confirm\\?t=[0-9A-Za-z_-]+").matcher(part(message, "text/plain"));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    static String returnPath(MimeMessage message) throws Exception {
        return message.getHeader("Return-Path")[0].replace("<", "").replace(">", "").trim();
    }

    /** A delivery status notification (RFC 3464) as a reporting server writes it, into the bounce mailbox. */
    static void bounce(String to, String recipient, String status) throws Exception {
        String dsn = "From: MAILER-DAEMON@mx.example.org\r\nTo: " + to + "\r\nSubject: Undelivered Mail\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: " + status + "\r\n"
                + "--b1--\r\n";
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new ByteArrayInputStream(dsn.getBytes(StandardCharsets.US_ASCII)));
        NewsletterContract.MAIL.getUserManager().getUserByEmail("bounces@news.example").deliver(message);
    }

    static String whole(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static String part(MimeMessage message, String type) throws Exception {
        return find(message.getContent(), type);
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType(type)) {
                    return (String) body.getContent();
                }
                String inner = find(body.getContent(), type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }
}
