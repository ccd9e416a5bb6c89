package news.gazette.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the HTML an editor (or an import) sends into {@link Block}s, stores them as JSON, and renders the HTML
 * readers get from them. Nothing an author's browser sent is ever shown as it came: inline markup goes through
 * {@link StoryBodyPolicy}, everything else is rebuilt from plain values.
 */
@Component
public class StoryBodies {

    /**
     * The width of the file a body image shows: the narrowest variant at least this wide (sharp on a two-times screen
     * in the text column), so a large original is never sent for a picture in the text.
     */
    static final int BODY_IMAGE_WIDTH = 1280;

    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {
    };

    private final MediaLibrary media;
    private final JsonMapper json = JsonMapper.builder().build();

    public StoryBodies(MediaLibrary media) {
        this.media = media;
    }

    /** The blocks of a body written as HTML ({@link BodyParser}). */
    public static List<Block> parse(String html) {
        return BodyParser.parse(html);
    }

    /** The blocks stored as JSON. */
    public String toJson(List<Block> blocks) {
        return json.writerFor(BLOCKS).writeValueAsString(blocks);
    }

    public List<Block> fromJson(String stored) {
        return stored == null || stored.isBlank() ? List.of() : json.readValue(stored, BLOCKS);
    }

    /** The HTML readers get: rendered from blocks, then through the body policy like every stored body. */
    public String render(List<Block> blocks) {
        List<Long> ids = mediaIds(blocks);
        Map<Long, Media> images = ids.isEmpty() ? Map.of() : media.byIds(ids);
        StringBuilder html = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.Paragraph p) {
                html.append("<p>").append(StoryBodyPolicy.sanitizeInline(p.html())).append("</p>");
            } else if (block instanceof Block.Heading h) {
                String tag = h.level() == 3 ? "h3" : "h2";
                html.append('<').append(tag).append('>').append(escape(h.text())).append("</").append(tag).append('>');
            } else if (block instanceof Block.ListBlock l) {
                String tag = l.ordered() ? "ol" : "ul";
                html.append('<').append(tag).append('>');
                l.items().forEach(item -> html.append("<li>").append(StoryBodyPolicy.sanitizeInline(item)).append("</li>"));
                html.append("</").append(tag).append('>');
            } else if (block instanceof Block.Quote q) {
                html.append("<blockquote><p>").append(StoryBodyPolicy.sanitizeInline(q.html())).append("</p></blockquote>");
            } else if (block instanceof Block.Image i) {
                image(i, images.get(i.mediaId()), html);
            } else if (block instanceof Block.Embed e) {
                Embeds.recognize(e.url()).ifPresent(known -> html
                        .append("<figure class=\"embed embed-").append(known.provider().code()).append("\"><p><a href=\"")
                        .append(escape(known.url())).append("\">").append(escape(known.url()))
                        .append("</a></p><figcaption>").append(known.provider().label()).append("</figcaption></figure>"));
            }
        }
        return StoryBodyPolicy.sanitize(html.toString());
    }

    private static void image(Block.Image block, Media file, StringBuilder html) {
        if (file == null) {
            return;
        }
        html.append("<figure class=\"story-image\" data-media-id=\"").append(block.mediaId()).append("\"><img src=\"/media/").append(escape(file.fileNameFor(BODY_IMAGE_WIDTH)))
                .append("\" alt=\"").append(escape(block.alt())).append("\" width=\"").append(file.width())
                .append("\" height=\"").append(file.height()).append("\" loading=\"lazy\">");
        if (!block.caption().isEmpty() || !block.credit().isEmpty()) {
            html.append("<figcaption>").append(escape(block.caption()));
            if (!block.credit().isEmpty()) {
                html.append(" <cite>").append(escape(block.credit())).append("</cite>");
            }
            html.append("</figcaption>");
        }
        html.append("</figure>");
    }

    /** The media ids the blocks show. */
    public static List<Long> mediaIds(Collection<Block> blocks) {
        return blocks.stream().map(b -> b instanceof Block.Image image ? image.mediaId() : null)
                .filter(Objects::nonNull).toList();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    /**
     * A body that did not come through Gazette's own save (an archive being restored), made safe the way a save
     * would: every inline fragment of the blocks through the body policy again, and the HTML rendered from them. A
     * body Gazette stored comes back unchanged, blocks equal and HTML identical.
     *
     * @param blocksJson the stored blocks, or {@code null} for a body kept as HTML only
     * @param html       the stored HTML
     * @throws IllegalArgumentException when the blocks are not blocks
     */
    public Rendered restored(String blocksJson, String html) {
        if (blocksJson == null) {
            String clean = StoryBodyPolicy.sanitize(html == null ? "" : html);
            return new Rendered(null, clean, parse(clean));
        }
        List<Block> blocks;
        try {
            blocks = fromJson(blocksJson);
        } catch (RuntimeException notBlocks) {
            throw new IllegalArgumentException("Not a story's blocks", notBlocks);
        }
        List<Block> clean = blocks.stream().map(StoryBodies::sanitized).toList();
        return new Rendered(clean.equals(blocks) ? blocksJson : toJson(clean), render(clean), clean);
    }

    private static Block sanitized(Block block) {
        if (block instanceof Block.Paragraph p) {
            return new Block.Paragraph(StoryBodyPolicy.sanitizeInline(p.html()));
        }
        if (block instanceof Block.Quote q) {
            return new Block.Quote(StoryBodyPolicy.sanitizeInline(q.html()));
        }
        if (block instanceof Block.ListBlock l) {
            return new Block.ListBlock(l.ordered(), l.items().stream().map(StoryBodyPolicy::sanitizeInline).toList());
        }
        return block;
    }

    /** A body as blocks (JSON) and the HTML rendered from them. */
    public record Rendered(String blocksJson, String html, List<Block> blocks) {
    }

    /** Parses, stores and renders in one step. */
    public Rendered fromHtml(String html) {
        List<Block> blocks = parse(html);
        return new Rendered(toJson(blocks), render(blocks), blocks);
    }

    public Rendered fromBlocks(List<Block> blocks) {
        return new Rendered(toJson(blocks), render(blocks), blocks);
    }
}
