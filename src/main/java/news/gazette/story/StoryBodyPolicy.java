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
            // Gazette's own variants of a library image: "/media/<name>-<w>w.<ext> <w>w", comma-separated.
            .allowAttributes("srcset").matching(Pattern.compile(
                    "/media/[a-z0-9][a-z0-9._-]{0,190} [0-9]{1,5}w(, /media/[a-z0-9][a-z0-9._-]{0,190} [0-9]{1,5}w){0,11}"))
            .onElements("img")
            .allowAttributes("sizes").matching(Pattern.compile("\\(max-width: [0-9]{1,4}px\\) 100vw, [0-9]{1,4}px"))
            .onElements("img")
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
