package news.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.Story;
import news.gazette.story.StoryListing;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public API answers, run against H2 and PostgreSQL by its subclasses: every resource with its documented
 * fields, sanitized bodies and never an unpublished story, cursor pages, filters. The API's protocol (validators,
 * CORS, rate limits, problem details, the OpenAPI document) is {@link ApiProtocolContract}; both share one application.
 */
abstract class ApiContract extends ApiGround {

    @Test
    void everyResourceAnswersWithItsDocumentedFields() throws Exception {
        JsonNode editions = ok("/api/v1/editions").get("editions");
        assertThat(editions).extracting(e -> e.get("code").asString()).containsExactly("en", "ru", "hy");
        assertThat(editions.get(1).get("language").asString()).isEqualTo("ru");

        JsonNode sectionList = ok("/api/v1/editions/ru/sections").get("sections");
        assertThat(sectionList).isNotEmpty();
        assertThat(sectionList.get(0).get("url").asString()).startsWith("http://localhost:" + port + "/ru/");
        assertThat(ok("/api/v1/editions/hy/authors").get("authors")).isNotEmpty();
        JsonNode tags = ok("/api/v1/editions/en/tags").get("tags");
        assertThat(tags).isNotEmpty().allSatisfy(t -> assertThat(t.get("stories").asLong()).isPositive());

        // A demo story with a lead image and translations, in full.
        JsonNode withImage = null;
        for (JsonNode s : ok("/api/v1/stories?edition=en&limit=100&include=body").get("stories")) {
            if (!s.get("image").isNull() && !s.get("translations").isEmpty()) {
                withImage = s;
                break;
            }
        }
        assertThat(withImage).as("a demo story with an image and translations").isNotNull();
        long id = withImage.get("id").asLong();
        JsonNode one = ok("/api/v1/stories/" + id);
        // The story on its own is the list's story with body, plus the related stories only a single story carries.
        assertThat(one.get("related").isArray()).isTrue();
        JsonNode withoutRelated = one.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withoutRelated).remove("related");
        assertThat(withoutRelated).isEqualTo(withImage);
        assertThat(one.get("bodyHtml").asString()).isNotBlank();
        // The same body as blocks: every paragraph's text appears in the HTML, in the same order.
        JsonNode blocks = one.get("blocks");
        assertThat(blocks.isArray() && !blocks.isEmpty()).as("blocks").isTrue();
        int at = 0;
        for (JsonNode block : blocks) {
            assertThat(block.get("type").asString()).isIn("paragraph", "heading", "list", "quote", "image", "embed");
            if (block.get("type").asString().equals("paragraph")) {
                at = one.get("bodyHtml").asString().indexOf(block.get("html").asString(), at);
                assertThat(at).as("paragraph in bodyHtml in order").isNotNegative();
            }
        }
        assertThat(one.get("image").get("width").asInt()).isPositive();
        assertThat(one.get("image").get("height").asInt()).isPositive();
        assertThat(one.get("section").get("slug").asString()).isNotBlank();
        JsonNode translation = one.get("translations").get(0);
        assertThat(translation.get("edition").asString()).isIn("ru", "hy");
        assertThat(ok(URI.create(translation.get("apiUrl").asString()).getPath()).get("edition").asString())
                .isEqualTo(translation.get("edition").asString());
        assertThat(get(URI.create(one.get("url").asString()).getPath()).statusCode()).isEqualTo(200);
        assertThat(ok("/api/v1/editions/en/stories/" + one.get("slug").asString()).get("id").asLong()).isEqualTo(id);

        JsonNode mostRead = ok("/api/v1/editions/en/most-read?limit=5");
        assertThat(mostRead.get("stories").size()).isLessThanOrEqualTo(5);
    }

    @Test
    void bodiesAreSanitizedAndUnpublishedStoriesNeverAppear() throws Exception {
        String mark = "Quarantine" + UUID.randomUUID().toString().substring(0, 8);
        long published = story("en", mark + " published", StoryStatus.PUBLISHED, Instant.now().minusSeconds(30));
        long draft = story("en", mark + " draft", StoryStatus.DRAFT, null);
        long later = story("en", mark + " scheduled", StoryStatus.SCHEDULED, Instant.now().plusSeconds(3600));
        long takenDown = story("en", mark + " taken down", StoryStatus.PUBLISHED, Instant.now().minusSeconds(20));
        publishing.unpublish(takenDown);

        assertThat(ok("/api/v1/stories/" + published).get("bodyHtml").asString()).doesNotContain("script");
        String slug = stories.find(draft).orElseThrow().slug();
        for (long hidden : List.of(draft, later, takenDown)) {
            assertThat(get("/api/v1/stories/" + hidden).statusCode()).isEqualTo(404);
        }
        assertThat(get("/api/v1/editions/en/stories/" + slug).statusCode()).isEqualTo(404);
        Set<Long> listed = walk("/api/v1/stories?edition=en&limit=50", null);
        assertThat(listed).contains(published).doesNotContain(draft, later, takenDown);
    }

    @Test
    void cursorPagesWalkEveryStoryOnceWhileOneIsPublishedMidway() throws Exception {
        for (int i = 0; i < 5; i++) {
            story("ru", "Сводка номер " + i, StoryStatus.PUBLISHED, Instant.now().minusSeconds(600 + i));
        }
        // Two stories at the very same moment: the id breaks the tie.
        Instant same = Instant.now().minusSeconds(900).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        story("ru", "Одновременно первая", StoryStatus.PUBLISHED, same);
        story("ru", "Одновременно вторая", StoryStatus.PUBLISHED, same);
        long waiting = story("ru", "Ждёт выпуска", StoryStatus.DRAFT, null);
        Set<Long> expected = new HashSet<>();
        for (StoryListing listing : stories.listings("ru", null, 10_000, 0)) {
            expected.add(listing.id());
        }

        Set<Long> walked = walk("/api/v1/stories?edition=ru&limit=4", () -> publishing.publish(waiting));

        assertThat(walked).isEqualTo(expected);
        assertThat(ok("/api/v1/stories?edition=ru&limit=1").get("stories").get(0).get("id").asLong())
                .as("the story published midway leads a new walk").isEqualTo(waiting);
    }

    /** Follows {@code next} to the end, failing on any story seen twice; {@code midway} runs after the first page. */
    private Set<Long> walk(String first, Runnable midway) throws Exception {
        Set<Long> seen = new HashSet<>();
        String path = first;
        int pages = 0;
        while (path != null) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json.readTree(response.body());
            for (JsonNode s : page.get("stories")) {
                assertThat(seen.add(s.get("id").asLong())).as("story %s seen once", s.get("id")).isTrue();
            }
            if (pages++ == 0 && midway != null) {
                midway.run();
            }
            if (page.get("next").isNull()) {
                assertThat(response.headers().firstValue("Link")).isEmpty();
                path = null;
            } else {
                String next = page.get("nextUrl").asString();
                assertThat(response.headers().firstValue("Link")).hasValue("<" + next + ">; rel=\"next\"");
                URI uri = URI.create(next);
                path = uri.getRawPath() + "?" + uri.getRawQuery();
            }
        }
        return seen;
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        JsonNode sectionList = ok("/api/v1/editions/en/sections").get("sections");
        String section = sectionList.get(0).get("slug").asString();
        for (JsonNode s : ok("/api/v1/stories?edition=en&section=" + section + "&limit=100").get("stories")) {
            assertThat(s.get("section").get("slug").asString()).isEqualTo(section);
        }
        String tag = ok("/api/v1/editions/en/tags").get("tags").get(0).get("slug").asString();
        JsonNode tagged = ok("/api/v1/stories?edition=en&tag=" + tag + "&limit=100").get("stories");
        assertThat(tagged).isNotEmpty().allSatisfy(s -> assertThat(s.get("tags").findValuesAsString("slug")).contains(tag));
        String since = "2000-01-01T00:00:00Z";
        String until = Instant.now().minusSeconds(6 * 3600).toString();
        for (JsonNode s : ok("/api/v1/stories?edition=en&since=" + since + "&until=" + until + "&limit=100").get("stories")) {
            assertThat(java.time.OffsetDateTime.parse(s.get("publishedAt").asString()).toInstant()).isBefore(Instant.parse(until));
        }
    }
}
