package news.gazette.newsletter;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mailbox provider's feedback-loop report (ARF, RFC 5965): a {@code multipart/report} with
 * {@code report-type=feedback-report} whose {@code message/feedback-report} part names the {@code Feedback-Type}.
 * Yahoo's complaint feedback loop, AOL's and Microsoft's JMRP (in its ARF format) send these for a reader's "this is
 * spam". The mail complained about is attached whole or as headers; its {@code Return-Path} (and the report's
 * {@code Original-Mail-From}) carry the bounce address that names the subscription, and its {@code List-Unsubscribe}
 * the subscription's signed link, which providers that blank the recipient leave as they are.
 */
final class FeedbackReports {

    private static final Pattern REPORT_PART = Pattern.compile("(?im)^Content-Type:\\s*message/feedback-report\\b");
    private static final Pattern REPORT_TYPE = Pattern.compile("(?i)report-type\\s*=\\s*\"?feedback-report\\b");
    private static final Pattern FEEDBACK_TYPE = Pattern.compile("(?im)^Feedback-Type:\\s*([A-Za-z-]{1,40})");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("/newsletter/unsubscribe\\?t=(\\d{1,18}-[A-Za-z0-9_-]{20,60})");

    /** What a report says of the mail: a complaint (abuse, fraud, virus, other…) or that it is not spam after all. */
    enum Kind { COMPLAINT, NOT_SPAM }

    private FeedbackReports() {
    }

    /** The kind of the report, empty when the message is no feedback report (a bounce, or anything else). */
    static Optional<Kind> kind(String message) {
        if (!REPORT_PART.matcher(message).find() && !REPORT_TYPE.matcher(message).find()) {
            return Optional.empty();
        }
        Matcher type = FEEDBACK_TYPE.matcher(message);
        if (!type.find()) {
            return Optional.empty();
        }
        return Optional.of("not-spam".equals(type.group(1).toLowerCase(Locale.ROOT)) ? Kind.NOT_SPAM : Kind.COMPLAINT);
    }

    /** The feedback type as written, for the log (never an address). */
    static String type(String message) {
        Matcher type = FEEDBACK_TYPE.matcher(message);
        return type.find() ? type.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** The unsubscribe token of the mail complained about, if its headers were attached. */
    static Optional<String> unsubscribeToken(String message) {
        Matcher m = UNSUBSCRIBE.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
