package news.gazette.newsletter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import news.gazette.jobs.JobFailure;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands a {@link Letter} to the mail server of {@code spring.mail.*}: both bodies, the RFC 8058 unsubscribe headers,
 * a DKIM signature when a key is configured, and the bounce address as the envelope sender (it becomes the
 * {@code Return-Path}). The message is signed as the bytes that leave, and nothing rewrites it after.
 */
@Component
class MailOut {

    private final ObjectProvider<JavaMailSender> senders;
    private final NewsletterProperties properties;
    private final Optional<DkimSigner> dkim;
    private final Clock clock;
    private final MailThrottle throttle;
    private final Session session = Session.getInstance(new java.util.Properties());

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    /** Jakarta Mail's property naming its stream provider; see the static block. */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Without it, Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader, through every jar of the
        // class path, for each part, header block and encoder of every message: most of the CPU a mail cost (ADR 135).
        // The value is the provider that lookup finds (Angus Mail's); one set by the outlet is kept.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    MailOut(ObjectProvider<JavaMailSender> senders, NewsletterProperties properties, Optional<DkimSigner> dkim,
            Clock clock, MailThrottle throttle) {
        this.senders = senders;
        this.properties = properties;
        this.dkim = dkim;
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * Sends one mail on a connection of its own; {@code bounceTag} names the send and subscription in the bounce
     * address, or is {@code null}. Waits for its slot of the node's mail rate.
     */
    void send(Letter letter, String bounceTag) throws JobFailure {
        JavaMailSender sender = sender();
        MimeMessage message = message(letter, bounceTag);
        throttle.acquire();
        try {
            sender.send(message);
        } catch (MailSendException e) {
            boolean refused = e.getFailedMessages().values().stream().anyMatch(MailOut::addressRefused);
            throw new JobFailure("Mail server refused the mail: " + e.getClass().getSimpleName(), refused, null);
        } catch (MailException e) {
            throw new JobFailure("Mail server unreachable: " + e.getClass().getSimpleName(), false, null);
        }
    }

    /** A connection for the mails of a batch, opened at its first mail; the caller closes it. */
    MailConnection open() throws JobFailure {
        return new MailConnection(sender());
    }

    private JavaMailSender sender() throws JobFailure {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new JobFailure("No mail server configured (spring.mail.host)", false, null);
        }
        return sender;
    }

    /** The message as it will leave, signed. */
    MimeMessage message(Letter letter, String bounceTag) {
        try {
            // Written with Jakarta Mail's own parts: Spring's MimeMessageHelper reads its table of file types again for
            // every message.
            MimeMessage draft = new MimeMessage(session);
            draft.setFrom(new InternetAddress(properties.from(), true));
            draft.setRecipient(Message.RecipientType.TO, new InternetAddress(letter.to(), true));
            draft.setSubject(letter.subject(), UTF_8);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(letter.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(letter.html(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            draft.setContent(alternative);
            draft.setSentDate(Date.from(clock.instant()));
            if (letter.unsubscribeUrl() != null) {
                draft.setHeader("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
                draft.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            if (letter.listId() != null) {
                draft.setHeader("List-Id", letter.listId());
            }
            draft.setHeader("Auto-Submitted", "auto-generated");
            draft.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
            draft.writeTo(bytes);
            byte[] raw = bytes.toByteArray();
            byte[] signed = dkim.map(signer -> signer.sign(raw, clock.instant().getEpochSecond())).orElse(raw);
            Final message = new Final(session, signed);
            if (bounceTag != null) {
                String from = properties.from();
                message.setEnvelopeFrom(from.substring(0, from.indexOf('@')) + "+" + bounceTag + "@"
                        + properties.returnDomain());
            }
            return message;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not write a newsletter mail", e);
        }
    }

    private static boolean addressRefused(Exception failure) {
        return failure instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                && sent.getInvalidAddresses().length > 0;
    }

    /** A written message: sending it rewrites none of its headers (the signature covers them). */
    static final class Final extends SMTPMessage {

        Final(Session session, byte[] bytes) throws MessagingException {
            super(session, new ByteArrayInputStream(bytes));
        }

        @Override
        protected void updateHeaders() {
            // Written and signed already.
        }

        @Override
        protected void updateMessageID() {
            // Kept as signed.
        }
    }
}
