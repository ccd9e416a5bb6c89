package news.gazette.story;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allowlist every stored story body passes through, whatever wrote it (editor, API, import, demo loader).
 * Anything not named here is dropped; text is kept.
 */
public final class StoryBodyPolicy {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "strong", "em", "b", "i", "br",
                    "sub", "sup", "figure", "figcaption", "cite", "a", "img")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            // Images and embed cards come only from blocks Gazette renders: library files, known class names.
            .allowAttributes("src").matching(Pattern.compile("/media/[a-z0-9][a-z0-9._-]{0,190}")).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,5}")).onElements("img")
            .allowAttributes("loading").matching(Pattern.compile("lazy")).onElements("img")
            .allowAttributes("class").matching(Pattern.compile("story-image|embed embed-(youtube|x|telegram|instagram)"))
            .onElements("figure")
            .allowAttributes("data-media-id").matching(Pattern.compile("[0-9]{1,18}")).onElements("figure")
            .toFactory();

    /** What a paragraph, list item or quotation may contain. */
    private static final PolicyFactory INLINE = new HtmlPolicyBuilder()
            .allowElements("strong", "em", "b", "i", "br", "sub", "sup", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private StoryBodyPolicy() {
    }

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** Inline markup only: the text of one paragraph, list item or quotation. */
    public static String sanitizeInline(String html) {
        return html == null ? "" : INLINE.sanitize(html);
    }
}
