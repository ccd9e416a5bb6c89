package news.gazette.newsletter;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;

import news.gazette.jobs.JobFailure;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One connection to the mail server of {@code spring.mail.*} for the mails of a batch (ADR 135), opened at the first
 * mail and kept until {@link #close()}. When the connection is lost before a mail's final dot was written, the mail
 * cannot have been delivered: the connection is opened again and the mail sent on it. When it is lost after the dot
 * and before the server's answer, the mail may have been delivered: it is {@link Result#UNKNOWN} and not sent again.
 */
final class MailConnection implements AutoCloseable {

    /** What became of one mail. */
    enum Result {
        /** The server took it. */
        SENT,
        /** The server refused the address for good (the same as a hard bounce). */
        REFUSED,
        /** The server refused the mail for good (5xx). */
        REJECTED,
        /** The server asked to try later (4xx). */
        TRANSIENT,
        /** The connection ended between the mail's last byte and the server's answer. */
        UNKNOWN
    }

    /** Connections lost in a row (each before a mail's end) after which the server counts as unreachable. */
    static final int RECONNECTS = 3;

    private final JavaMailSender sender;
    private Tracking transport;
    private Session session;
    private int opened;

    MailConnection(JavaMailSender sender) {
        this.sender = sender;
    }

    /**
     * Sends one mail over the open connection (opening it when needed).
     *
     * @throws JobFailure when the server cannot be reached, or the connection was lost {@link #RECONNECTS} times in
     *                    a row before the mail's end (the mail was then not delivered)
     */
    Result send(MimeMessage message) throws JobFailure {
        if (!(sender instanceof JavaMailSenderImpl settings)) {
            return sendAlone(message);
        }
        for (int lost = 0; ; lost++) {
            Tracking open = open(settings);
            try {
                open.sendOne(message);
                return Result.SENT;
            } catch (MessagingException | IllegalStateException e) {
                if (e instanceof MessagingException failure && !lost(failure)) {
                    return answered(failure);
                }
                close();
                if (open.dotSent) {
                    return Result.UNKNOWN;
                }
                if (lost + 1 >= RECONNECTS) {
                    throw new JobFailure("Mail server connection lost: " + e.getClass().getSimpleName(), false, null);
                }
            }
        }
    }

    /** Connections opened so far (for the log). */
    int opened() {
        return opened;
    }

    @Override
    public void close() {
        Tracking open = transport;
        transport = null;
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException | RuntimeException ignored) {
                // The server went away first; nothing is left to end.
            }
        }
    }

    private Tracking open(JavaMailSenderImpl settings) throws JobFailure {
        if (transport != null) {
            return transport;
        }
        Session configured = settings.getSession();
        String protocol = settings.getProtocol() != null ? settings.getProtocol()
                : configured.getProperty("mail.transport.protocol") != null
                ? configured.getProperty("mail.transport.protocol") : "smtp";
        if (session == null) {
            session = NoDelaySockets.session(configured, protocol);
        }
        String username = settings.getUsername();
        String password = settings.getPassword();
        if ("".equals(username)) {
            username = null;
            password = "".equals(password) ? null : password;
        }
        Tracking fresh = new Tracking(session, new URLName(protocol, settings.getHost(), settings.getPort(), null,
                username, password), protocol, "smtps".equals(protocol));
        try {
            fresh.connect(settings.getHost(), settings.getPort(), username, password);
        } catch (MessagingException | IllegalStateException e) {
            throw new JobFailure("Mail server unreachable: " + e.getClass().getSimpleName(), false, null);
        }
        transport = fresh;
        opened++;
        return fresh;
    }

    /** A mail server that is not {@link JavaMailSenderImpl} (a bean of the outlet's own): one mail per call. */
    private Result sendAlone(MimeMessage message) throws JobFailure {
        try {
            sender.send(message);
            return Result.SENT;
        } catch (MailSendException e) {
            boolean refused = e.getFailedMessages().values().stream()
                    .anyMatch(f -> f instanceof SendFailedException s && s.getInvalidAddresses() != null
                            && s.getInvalidAddresses().length > 0);
            return refused ? Result.REFUSED : Result.TRANSIENT;
        } catch (MailException e) {
            throw new JobFailure("Mail server unreachable: " + e.getClass().getSimpleName(), false, null);
        }
    }

    /** Whether the failure is the connection's (no answer of the server's to act on). */
    private static boolean lost(MessagingException failure) {
        int code = -1;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
            if (code == -1 && cause instanceof SMTPSendFailedException sent) {
                code = sent.getReturnCode();
            } else if (code == -1 && cause instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        // 421: the server is closing the connection (too many mails on it, shutting down).
        return code < 400 || code == 421;
    }

    private static Result answered(MessagingException failure) {
        if (failure instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                && sent.getInvalidAddresses().length > 0) {
            return Result.REFUSED;
        }
        int code = failure instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
        for (Throwable cause = failure.getCause(); code == -1 && cause != null && cause != cause.getCause();
             cause = cause.getCause()) {
            code = cause instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : cause instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
        }
        return code >= 500 ? Result.REJECTED : Result.TRANSIENT;
    }

    /** The SMTP transport, noting whether a mail's final dot was written (after it, the mail may be delivered). */
    static final class Tracking extends SMTPTransport {

        private boolean dotSent;

        Tracking(Session session, URLName url, String protocol, boolean ssl) {
            super(session, url, protocol, ssl);
        }

        void sendOne(MimeMessage message) throws MessagingException {
            dotSent = false;
            sendMessage(message, message.getAllRecipients());
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            dotSent = true;
            super.finishData();
        }

        @Override
        protected void finishBdat() throws IOException, MessagingException {
            dotSent = true;
            super.finishBdat();
        }
    }
}
