package news.gazette.story;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One piece of a story's body. Bodies are stored as blocks, never as the HTML an author's browser sent; the HTML
 * readers get is rendered from them ({@link StoryBodies}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
        @JsonSubTypes.Type(value = Block.ListBlock.class, name = "list"),
        @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
        @JsonSubTypes.Type(value = Block.Image.class, name = "image"),
        @JsonSubTypes.Type(value = Block.Embed.class, name = "embed")})
public sealed interface Block {

    /** Text with inline markup limited to b, strong, i, em, a[href], br, sub, sup (sanitized). */
    record Paragraph(String html) implements Block {
    }

    /** A heading of level 2 or 3; plain text. */
    record Heading(int level, String text) implements Block {
    }

    /** Items are inline HTML like a paragraph's. */
    record ListBlock(boolean ordered, List<String> items) implements Block {
    }

    /** A quotation; inline HTML. */
    record Quote(String html) implements Block {
    }

    /** An image from the media library with the texts this story gives it; plain text. */
    record Image(long mediaId, String alt, String caption, String credit) implements Block {
    }

    /** A post on another platform, shown as a card that links to it. */
    record Embed(Embeds.Provider provider, String url, String id) implements Block {
    }
}
