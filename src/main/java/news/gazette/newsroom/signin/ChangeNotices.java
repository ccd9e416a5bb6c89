package news.gazette.newsroom.signin;

import news.gazette.account.Account;
import news.gazette.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Tells an account that the way it signs in changed (a passkey, the second factor, the password), so that a change
 * made by someone else is noticed: by e-mail when mail is configured ({@code spring.mail.*}), and always in the audit
 * log, which records whether the e-mail went.
 */
@Component
public class ChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final AuditLog audit;
    private final String from;

    ChangeNotices(ObjectProvider<JavaMailSender> mail, MessageSource messages, AuditLog audit,
                  @org.springframework.beans.factory.annotation.Value("${gazette.sign-in.notice-from:${spring.mail.username:}}")
                  String from) {
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
        this.from = from;
    }

    /**
     * @param change the audit action, also the last part of the message key ({@code newsroom.signin.notice.<change>})
     */
    public void tell(Account account, String change, String detail, String client) {
        JavaMailSender sender = mail.getIfAvailable();
        String delivery = "no mail configured";
        if (sender != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            if (!from.isBlank()) {
                message.setFrom(from);
            }
            message.setTo(account.email());
            message.setSubject(messages.getMessage("newsroom.signin.notice.subject", null, Locale.ENGLISH));
            message.setText(messages.getMessage("newsroom.signin.notice." + change, null, Locale.ENGLISH) + "\n\n"
                    + messages.getMessage("newsroom.signin.notice.not-you", null, Locale.ENGLISH));
            try {
                sender.send(message);
                delivery = "e-mailed";
            } catch (MailException e) {
                log.warn("Could not e-mail {} about a sign-in change: {}", account.email(), e.getMessage());
                delivery = "e-mail failed";
            }
        }
        audit.record(account.email(), change, "account:" + account.id(),
                (detail == null ? "" : detail + "; ") + "notice: " + delivery, client);
    }
}
