package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Editing;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import news.gazette.story.Tag;
import news.gazette.story.Tags;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Related stories under a story and in the API's story answer, on H2 and PostgreSQL: the stories of the edition most
 * alike in words and tags, never the story itself, a translation of it or one not yet published; the cached page and
 * API answer change as soon as a related story does.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class RelatedStoriesContract {

    private static final Duration FOLLOWS = Duration.ofSeconds(10);

    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired Sections sections;
    @Autowired Publishing publishing;
    @Autowired Editing editing;
    @Autowired Tags tags;
    @Autowired StorySearch search;
    @Autowired RelatedStories related;
    @Autowired MockMvc mvc;

    private final String word = "lumenwick" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");

    private long story(String headline, String body, StoryStatus status, Instant published, Long group, Tag tag) {
        Section in = sections.inEdition("en").get(0);
        return imports.bring(new NewStory("en", in.id(), group, headline, "Keepers of the " + word + " coast.",
                "<p>" + body + "</p>", null, status, false, false, null, null, null, null, published, null, List.of(),
                tag == null ? List.of() : List.of(tag.id())), "test");
    }

    private record Set(long story, long alike, long translation, long scheduled, long unrelated) {
    }

    private Set stories() {
        Tag tag = tags.ensure("en", "lighthouses-" + word, "Lighthouses " + word);
        Instant hourAgo = Instant.now().minusSeconds(3600);
        long group = 900_000_000L + Math.abs(word.hashCode() % 1_000_000);
        String text = "The " + word + " lighthouse keepers walked out over night shifts, radio beacons and fog horns.";
        long story = story("Lighthouse keepers of " + word + " strike over night shifts", text,
                StoryStatus.PUBLISHED, hourAgo, group, tag);
        long alike = story("Night shifts end the " + word + " lighthouse keepers' strike",
                "Fog horns and radio beacons: the " + word + " lighthouse keepers agreed to new night shifts.",
                StoryStatus.PUBLISHED, hourAgo.minusSeconds(60), null, tag);
        long translation = story("Lighthouse keepers of " + word + " strike over night shifts (copy)", text,
                StoryStatus.PUBLISHED, hourAgo, group, tag);
        long scheduled = story("Lighthouse keepers of " + word + " return to the beacons", text,
                StoryStatus.SCHEDULED, Instant.now().plus(Duration.ofDays(2)), null, tag);
        long unrelated = story("Apricot growers count a record " + word + " harvest",
                "Cold storage is short for the apricot harvest.", StoryStatus.PUBLISHED, hourAgo, null, null);
        await().atMost(FOLLOWS).untilAsserted(() -> assertThat(search.search(SearchRequest.of("en", word)).hits())
                .hasSizeGreaterThanOrEqualTo(4));
        return new Set(story, alike, translation, scheduled, unrelated);
    }

    @Test
    void theStoriesMostAlikeButNeverItselfATranslationOrOneNotYetPublished() throws Exception {
        Set set = stories();
        List<Long> alike = related.of(stories.find(set.story()).orElseThrow());
        assertThat(alike).first().isEqualTo(set.alike());
        assertThat(alike).doesNotContain(set.story(), set.translation(), set.scheduled())
                .hasSizeLessThanOrEqualTo(RelatedStories.COUNT);
        if (alike.contains(set.unrelated())) {
            assertThat(alike.indexOf(set.unrelated())).isGreaterThan(alike.indexOf(set.alike()));
        }

        String page = page(set.story());
        assertThat(page).contains("class=\"related-stories\"");
        String relatedPart = page.substring(page.indexOf("class=\"related-stories\""));
        relatedPart = relatedPart.substring(0, relatedPart.indexOf("</section>"));
        assertThat(relatedPart).contains("Night shifts end the " + word)
                .doesNotContain("(copy)").doesNotContain("return to the beacons");

        List<Long> api = apiRelated(set.story());
        assertThat(api).first().isEqualTo(set.alike());
        assertThat(api).doesNotContain(set.story(), set.translation(), set.scheduled());
        // The related stories are summaries: no body.
        JsonNode first = api(set.story()).get("related").get(0);
        assertThat(first.has("bodyHtml")).isFalse();
        assertThat(first.has("related")).isFalse();
    }

    @Test
    void theCachedPageAndApiAnswerFollowAChangeToARelatedStory() throws Exception {
        Set set = stories();
        assertThat(page(set.story())).contains("Night shifts end the " + word);
        assertThat(apiRelated(set.story())).contains(set.alike());

        editing.revise(set.alike(), "Beacons relit: " + word + " lighthouse keepers back on night shifts",
                "Keepers of the " + word + " coast.", "<p>Fog horns and radio beacons: the " + word
                        + " lighthouse keepers agreed to new night shifts.</p>");
        await().atMost(FOLLOWS).untilAsserted(() -> assertThat(page(set.story())).contains("Beacons relit: " + word));
        assertThat(api(set.story()).get("related").get(0).get("headline").asString()).startsWith("Beacons relit");

        publishing.unpublish(set.alike());
        await().atMost(FOLLOWS).untilAsserted(() -> assertThat(page(set.story())).doesNotContain("Beacons relit"));
        assertThat(apiRelated(set.story())).doesNotContain(set.alike());
    }

    private String page(long id) throws Exception {
        String path = mvc.perform(get("/api/v1/stories/" + id)).andReturn().getResponse().getContentAsString();
        String url = JsonMapper.builder().build().readTree(path).get("url").asString();
        return mvc.perform(get(java.net.URI.create(url).getPath())).andReturn().getResponse().getContentAsString();
    }

    private JsonNode api(long id) throws Exception {
        return JsonMapper.builder().build().readTree(
                mvc.perform(get("/api/v1/stories/" + id)).andReturn().getResponse().getContentAsString());
    }

    private List<Long> apiRelated(long id) throws Exception {
        List<Long> out = new ArrayList<>();
        api(id).get("related").forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }
}
