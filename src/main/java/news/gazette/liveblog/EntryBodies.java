package news.gazette.liveblog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.story.Block;
import news.gazette.story.Embeds;
import news.gazette.story.StoryBodies;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Checks an entry as typed and makes what is stored of it, the way a story body is made: the text becomes the story
 * module's blocks (only text blocks: paragraphs, headings, lists, quotations), an image and an embed become blocks of
 * their own, and the HTML readers get is rendered from the blocks through the story sanitizer ({@link StoryBodies}).
 */
@Component
class EntryBodies {

    static final int HEADLINE_MAX = 300;
    static final int TEXT_MAX = 50_000;
    static final int ALT_MAX = 500;

    private final StoryBodies bodies;
    private final MediaLibrary media;

    EntryBodies(StoryBodies bodies, MediaLibrary media) {
        this.bodies = bodies;
        this.media = media;
    }

    /** An entry ready to store; {@code text} and {@code html} are sanitized. */
    record Cleaned(String headline, String text, Long mediaId, String imageAlt, String embedUrl, String html) {
    }

    Cleaned clean(EntryDraft draft) {
        String headline = trimmed(draft.headline());
        if (headline != null && headline.length() > HEADLINE_MAX) {
            throw new InvalidEntryException("headline");
        }
        List<Block> text = textBlocks(draft.text());
        String textHtml = bodies.render(text);
        if (visibleText(textHtml).isEmpty()) {
            throw new InvalidEntryException("text");
        }
        List<Block> all = new ArrayList<>(text);
        Long mediaId = null;
        String alt = null;
        String rawMedia = trimmed(draft.mediaId());
        if (rawMedia != null) {
            Media image = imageOf(rawMedia).orElseThrow(() -> new InvalidEntryException("image"));
            mediaId = image.id();
            alt = trimmed(draft.imageAlt()) == null ? image.alt().strip() : trimmed(draft.imageAlt());
            if (alt.length() > ALT_MAX) {
                throw new InvalidEntryException("alt");
            }
            all.add(new Block.Image(mediaId, alt, "", ""));
        }
        String embedUrl = null;
        String rawEmbed = trimmed(draft.embedUrl());
        if (rawEmbed != null) {
            Block.Embed embed = Embeds.recognize(rawEmbed).orElseThrow(() -> new InvalidEntryException("embed"));
            embedUrl = embed.url();
            all.add(embed);
        }
        return new Cleaned(headline, textHtml, mediaId, alt, embedUrl, bodies.render(all));
    }

    /** The key points: text blocks only, sanitized; may be empty. */
    String keyPoints(String html) {
        String rendered = bodies.render(textBlocks(html));
        return visibleText(rendered).isEmpty() ? "" : rendered;
    }

    private List<Block> textBlocks(String html) {
        if (html != null && html.length() > TEXT_MAX) {
            throw new InvalidEntryException("text");
        }
        return StoryBodies.parse(html == null ? "" : html).stream()
                .filter(b -> b instanceof Block.Paragraph || b instanceof Block.Heading || b instanceof Block.ListBlock
                        || b instanceof Block.Quote)
                .toList();
    }

    private Optional<Media> imageOf(String raw) {
        if (!raw.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return media.usable(Long.parseLong(raw));
    }

    /** The text a reader would read in sanitized HTML, without markup, for checks and for the structured data. */
    static String visibleText(String html) {
        String text = html == null ? "" : html.replaceAll("<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
