package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How the editor's HTML becomes blocks and blocks become the HTML readers get.
 */
class StoryBodiesTest {

    private final StoryBodies bodies = new StoryBodies(XssCorpusTest.library());

    @Test
    void everyKindOfBlockIsRecognized() {
        List<Block> blocks = StoryBodies.parse("""
                <h2>Heading</h2><h4>Small heading</h4>
                <p>Text with <strong>bold</strong>, <em>italic</em>, H<sub>2</sub>O, x<sup>2</sup> and <a href="https://example.org/x" onclick="x()">a link</a>.</p>
                <ul><li>one</li><li><b>two</b></li></ul><ol><li>first</li></ol>
                <blockquote><p>Said</p><p>twice</p></blockquote>
                <figure class="story-image" data-media-id="42"><img src="/media/a.jpg" alt="A valley"><figcaption>Spring in the valley <cite>Jane Roe</cite></figcaption></figure>
                <figure class="embed"><a href="https://youtu.be/dQw4w9WgXcQ">https://youtu.be/dQw4w9WgXcQ</a></figure>
                loose text""");
        assertThat(blocks).hasSize(9);
        assertThat(blocks.get(0)).isEqualTo(new Block.Heading(2, "Heading"));
        assertThat(blocks.get(1)).isEqualTo(new Block.Heading(3, "Small heading"));
        assertThat(((Block.Paragraph) blocks.get(2)).html()).contains("<strong>bold</strong>", "<sub>2</sub>",
                "<sup>2</sup>", "href=\"https://example.org/x\"").doesNotContain("onclick");
        assertThat(blocks.get(3)).isEqualTo(new Block.ListBlock(false, List.of("one", "<b>two</b>")));
        assertThat(blocks.get(4)).isEqualTo(new Block.ListBlock(true, List.of("first")));
        assertThat(blocks.get(5)).isEqualTo(new Block.Quote("Said<br />twice"));
        assertThat(blocks.get(6)).isEqualTo(new Block.Image(42, "A valley", "Spring in the valley", "Jane Roe"));
        assertThat(blocks.get(7)).isEqualTo(new Block.Embed(Embeds.Provider.YOUTUBE,
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"));
        assertThat(blocks.get(8)).isEqualTo(new Block.Paragraph("loose text"));
    }

    @Test
    void blocksSurviveJsonAndRenderToTheSameHtmlTwice() {
        String html = "<h2>Title</h2><p>One <em>two</em></p><figure class=\"embed\"><a href=\"https://x.com/gazette/status/123\">x</a></figure>";
        StoryBodies.Rendered rendered = bodies.fromHtml(html);
        assertThat(bodies.fromJson(rendered.blocksJson())).isEqualTo(rendered.blocks());
        assertThat(rendered.html()).contains("<h2>Title</h2>", "<p>One <em>two</em></p>",
                "<figure class=\"embed embed-x\">", "href=\"https://x.com/gazette/status/123\"");
        assertThat(StoryBodies.parse(rendered.html())).isEqualTo(rendered.blocks());
        assertThat(StoryBodyPolicy.sanitize(rendered.html())).isEqualTo(rendered.html());
    }

    @Test
    void emptyAndScriptOnlyBodiesHaveNoBlocks() {
        assertThat(StoryBodies.parse(null)).isEmpty();
        assertThat(StoryBodies.parse("<p> </p><p><br></p><script>alert(1)</script><style>p{}</style>")).isEmpty();
    }

    @Test
    void aFigureWithAnUnknownLinkIsOnlyText() {
        assertThat(StoryBodies.parse("<figure><a href=\"https://evil.example/watch?v=dQw4w9WgXcQ\">look</a></figure>"))
                .containsExactly(new Block.Paragraph("look"));
    }
}
