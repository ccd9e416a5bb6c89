package news.gazette.newsletter;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import news.gazette.platform.nodes.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox over IMAP ({@code gazette.newsletter.bounces.*}) once per cluster each poll: every
 * message is handed to {@link Bounces} and then deleted, matched or not (the mailbox is the newsletter's alone).
 */
@Component
class BounceMailbox {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final Bounces bounces;
    private final NewsletterProperties.Bounces settings;
    private final ClusterLocks locks;

    BounceMailbox(Bounces bounces, NewsletterProperties properties, ClusterLocks locks) {
        this.bounces = bounces;
        this.settings = properties.bounces();
        this.locks = locks;
    }

    @Scheduled(fixedDelayString = "${gazette.newsletter.bounces.poll-interval:5m}", initialDelayString = "30s")
    void poll() {
        if (settings.host().isBlank()) {
            return;
        }
        locks.runOnce("newsletter-bounces", settings.pollInterval().minus(Duration.ofMillis(100)), () -> {
            try {
                read();
            } catch (MessagingException e) {
                log.warn("The bounce mailbox could not be read: {}", e.toString());
            }
        });
    }

    /** Reads and empties the mailbox; returns how many bounces were handled. */
    int read() throws MessagingException {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        int handled = 0;
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.getMessages()) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    try {
                        message.writeTo(raw);
                        bounces.handle(raw.toByteArray());
                        handled++;
                    } catch (java.io.IOException | MessagingException unreadable) {
                        log.warn("A bounce could not be read: {}", unreadable.toString());
                    }
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                folder.close(true);
            }
        } finally {
            store.close();
        }
        return handled;
    }
}
