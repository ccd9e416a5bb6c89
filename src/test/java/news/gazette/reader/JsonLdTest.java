package news.gazette.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLdTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whatItWritesReadsBackAsWritten() {
        String tricky = "Quotes \" and \\ backslash, </script><script>alert(1)</script> & co\n\t\r\b\f\u0001 \u2028 Ереван Երևան";
        String written = new JsonLd().array(null)
                .item("NewsArticle").string("headline", tricky).string("description", null)
                .array("image").string(null, "https://example.org/a.jpg").endArray()
                .array("author").object(null).string("name", "A").endObject().object(null).string("name", "B").endObject().endArray()
                .object("publisher").string("@type", "NewsMediaOrganization").number("position", 3).endObject()
                .array("keywords").endArray()
                .endObject()
                .item("BreadcrumbList").endObject()
                .endArray().toString();

        JsonNode read = json.readTree(written);
        assertThat(read.size()).isEqualTo(2);
        JsonNode article = read.get(0);
        assertThat(article.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(article.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(article.get("headline").asString()).isEqualTo(tricky);
        assertThat(article.get("description").isNull()).isTrue();
        assertThat(article.get("image").get(0).asString()).isEqualTo("https://example.org/a.jpg");
        assertThat(article.get("author").get(1).get("name").asString()).isEqualTo("B");
        assertThat(article.get("publisher").get("position").asInt()).isEqualTo(3);
        assertThat(article.get("keywords").isEmpty()).isTrue();
        assertThat(read.get(1).get("@type").asString()).isEqualTo("BreadcrumbList");
    }

    @Test
    void noTextCanEndTheScriptBlockOrOpenMarkup() {
        String written = new JsonLd().item("Thing").string("name", "</script><!-- & -->").endObject().toString();

        assertThat(written).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e");
    }

    @Test
    void writesTheSameTextAsJacksonThenEscapingTheMarkupCharacters() {
        String text = "Line\nbreak \"quoted\" \\ \u0007 <b>bold</b> & Ռուսաստան";
        String jackson = json.writeValueAsString(text)
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");

        String written = new JsonLd().array(null).string(null, text).endArray().toString();

        assertThat(written).isEqualTo("[" + jackson + "]");
    }
}
