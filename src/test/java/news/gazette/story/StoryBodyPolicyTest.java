package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoryBodyPolicyTest {

    @Test
    void keepsTheMarkupAStoryNeeds() {
        String body = "<h2>Heading</h2><p>Text with <strong>bold</strong>, <em>italic</em> and "
                + "<a href=\"https://example.org/x\">a link</a>.</p><blockquote><p>Quote</p></blockquote>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol>";
        String clean = StoryBodyPolicy.sanitize(body);
        assertThat(clean).contains("<h2>Heading</h2>", "<strong>bold</strong>", "<em>italic</em>",
                "<blockquote><p>Quote</p></blockquote>", "<ul><li>one</li></ul>", "<ol><li>two</li></ol>",
                "href=\"https://example.org/x\"");
        // The order of the rel words is the sanitizer's business; both must be there.
        assertThat(clean).containsPattern("rel=\"(noopener noreferrer|noreferrer noopener)\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<p onclick=\"alert(1)\">x</p>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
            "<math><mtext><table><mglyph><style></style><img src=x onerror=alert(1)></mglyph></table></mtext></math>",
            "<form action=\"https://evil.example\"><input></form>"})
    void dropsAnythingExecutable(String payload) {
        String clean = StoryBodyPolicy.sanitize("<p>before</p>" + payload + "<p>after</p>");
        assertThat(clean.toLowerCase()).doesNotContain("<script", "onerror", "onclick", "onload", "javascript:",
                "<iframe", "<svg", "style=", "data:text", "<form", "<img");
        assertThat(clean).contains("<p>before</p>", "<p>after</p>");
        assertThat(StoryBodyPolicy.sanitize(clean)).isEqualTo(clean);
    }

    @Test
    void nothingGivesEmptyText() {
        assertThat(StoryBodyPolicy.sanitize(null)).isEmpty();
    }
}
