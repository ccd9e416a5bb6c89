package news.gazette.platform.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.context.MessageSource;

/**
 * The user-facing texts of one edition, as templates see them.
 */
public final class Texts {

    private final MessageSource messages;
    private final Locale locale;
    /** Each message as the bundle has it, once read; {@code null} for texts that ask the message source every time. */
    private final ConcurrentMap<String, String> kept;
    private final ConcurrentMap<String, MessageFormat> formats;

    public Texts(MessageSource messages, Locale locale) {
        this(messages, locale, false);
    }

    private Texts(MessageSource messages, Locale locale, boolean keep) {
        this.messages = messages;
        this.locale = locale;
        this.kept = keep ? new ConcurrentHashMap<>() : null;
        this.formats = keep ? new ConcurrentHashMap<>() : null;
    }

    /**
     * Texts that read each message from the bundle once and keep it, for one long-lived instance per edition: the
     * bundles do not change while Gazette runs. A page asks for about fifty texts; the message source looks each up
     * through its bundle cache and formats the ones with arguments under a lock shared by every thread.
     */
    public static Texts kept(MessageSource messages, Locale locale) {
        return new Texts(messages, locale, true);
    }

    /** The text of a key without arguments, or {@code null} when no bundle has the key. */
    public String getOrNull(String key) {
        return messages.getMessage(key, null, null, locale);
    }

    public String get(String key, Object... args) {
        if (kept == null) {
            return messages.getMessage(key, args, locale);
        }
        if (args.length == 0) {
            // As the message source answers without arguments: the bundle's text as it stands.
            return kept.computeIfAbsent(key, k -> messages.getMessage(k, null, locale));
        }
        // As the message source answers with arguments (MessageFormat for the locale), on a copy of the format
        // this thread alone uses, since a MessageFormat is not safe to share.
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(get(k), locale));
        return ((MessageFormat) format.clone()).format(args);
    }

    public Locale locale() {
        return locale;
    }
}
