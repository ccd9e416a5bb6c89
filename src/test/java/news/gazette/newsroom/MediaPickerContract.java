package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.gazette.account.Role;
import news.gazette.media.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The story editor's media picker endpoint, {@code /newsroom/media/picker.json} and its upload and describe
 * companions (ADR 110): search by alt text, caption, credit and file name; the edition and "used in this story"
 * filters; pages of 24; the story's own images however old; who may do what; every refusal a localized problem.
 * Run on H2 and PostgreSQL.
 */
abstract class MediaPickerContract extends EditorRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** An image row as an import leaves it, made at a chosen time (no file: the picker reads rows only). */
    private long image(String alt, String caption, String credit, String originalName, OffsetDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into media (file_name, content_type, width, height, created_at, alt_text, caption, credit,"
                        + " original_name, variant_widths, byte_size) values (?, 'image/jpeg', 1600, 900, ?, ?, ?, ?, ?, '', 1000)")
                .params(UUID.randomUUID().toString().replace("-", "") + ".jpg", at, alt, caption, credit, originalName)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long image(String alt, String caption, String credit, String originalName) {
        return image(alt, caption, credit, originalName, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private MockHttpServletResponse ask(RequestPostProcessor who, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/newsroom/media/picker.json").with(who);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode page(String... params) throws Exception {
        MockHttpServletResponse response = ask(as(Role.CONTRIBUTOR), params);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        return JSON.readTree(response.getContentAsString());
    }

    private static List<Long> ids(JsonNode page, String list) {
        List<Long> ids = new ArrayList<>();
        page.get(list).forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        return JSON.readTree(response.getContentAsString());
    }

    private long story(long lead, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(form(post("/newsroom/stories?edition=en"), "Pictures " + word(),
                body, Map.of("imageId", String.valueOf(lead))).with(as(Role.EDITOR))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(303);
        return Long.parseLong(response.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    @Test
    void searchFindsAltTextCaptionCreditAndFileNameWithEveryWordInAnyCase() throws Exception {
        String w = word();
        long byAlt = image("Harbour at dawn " + w, null, null, "harbour.jpg");
        long byCaption = image("Cranes", w + " cranes unloading", null, "cranes.jpg");
        long byCredit = image("Quay", null, "Photo " + w.toUpperCase() + " agency", "quay.jpg");
        long byName = image("Pier", null, null, w + "-pier.jpg");
        image("Unrelated market", null, null, "market.jpg");
        long withoutAlt = image(null, w + " no description", null, "bare.jpg");

        JsonNode found = page("q", w.toUpperCase());
        assertThat(ids(found, "items")).containsExactlyInAnyOrder(byAlt, byCaption, byCredit, byName)
                .doesNotContain(withoutAlt);
        assertThat(ids(page("q", w + " CRANES"), "items")).containsExactly(byCaption);
        assertThat(ids(page("q", w + " nowhere"), "items")).isEmpty();
        JsonNode item = found.get("items").get(0);
        assertThat(item.get("thumbnail").asString()).startsWith("/media/");
        assertThat(item.get("src").asString()).startsWith("/media/");
        assertThat(item.has("alt") && item.has("caption") && item.has("credit") && item.has("name")).isTrue();
        assertThat(page("q", "%_!").get("items")).as("wildcards are words like any other").isEmpty();
    }

    @Test
    void theEditionFilterListsImagesBroughtInForItAndTheFeaturedImagesOfItsStories() throws Exception {
        String w = word();
        MockHttpServletResponse uploaded = mvc.perform(multipart("/newsroom/media/picker/upload")
                .file(new MockMultipartFile("file", w + ".png", "image/png", TestImages.png(331, 217)))
                .param("alt", "A map " + w).param("edition", "ru").with(as(Role.CONTRIBUTOR, "ru-" + w + "@example.org"))
                .with(csrf())).andReturn().getResponse();
        assertThat(uploaded.getStatus()).as(uploaded.getContentAsString()).isEqualTo(201);
        long forRussian = JSON.readTree(uploaded.getContentAsString()).get("id").asLong();
        long lead = image("Lead of an English story " + w, null, null, "lead.jpg");
        story(lead, "<p>Text.</p>");

        assertThat(ids(page("q", w, "edition", "ru"), "items")).containsExactly(forRussian);
        assertThat(ids(page("q", w, "edition", "en"), "items")).containsExactly(lead);
        assertThat(ids(page("q", w, "edition", "hy"), "items")).isEmpty();
        assertThat(ids(page("q", w), "items")).containsExactlyInAnyOrder(forRussian, lead);
        JsonNode refused = problem(ask(as(Role.CONTRIBUTOR), "edition", "xx"), 400);
        assertThat(refused.get("detail").asString()).isEqualTo("There is no such edition.");
    }

    @Test
    void theStorysOwnImagesAreAlwaysThereHoweverBusyTheLibraryAndUsedInThisStoryFindsThem() throws Exception {
        String w = word();
        OffsetDateTime longAgo = OffsetDateTime.of(2001, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);
        long lead = image("Old lead " + w, "An old caption", "Old credit", "old-lead.jpg", longAgo);
        long inText = image("Old picture in the text " + w, null, "Text credit", "old-text.jpg", longAgo.plusDays(1));
        long other = image("Another " + w, null, null, "other.jpg");
        long id = story(lead, "<p>Before.</p><figure class=\"story-image\" data-media-id=\"" + inText + "\">"
                + "<img src=\"/media/x.jpg\" alt=\"In the text\"></figure><p>After.</p>");
        for (int i = 0; i < 250; i++) {
            image("Crowd at the market, picture " + i, null, null, "busy-" + i + ".jpg");
        }

        JsonNode first = page("story", String.valueOf(id));
        assertThat(ids(first, "items")).hasSize(24).doesNotContain(lead, inText);
        assertThat(first.get("next").asInt()).isEqualTo(2);
        assertThat(ids(first, "story")).containsExactly(lead, inText);
        JsonNode own = first.get("story").get(0);
        assertThat(own.get("alt").asString()).isEqualTo("Old lead " + w);
        assertThat(own.get("caption").asString()).isEqualTo("An old caption");
        assertThat(own.get("credit").asString()).isEqualTo("Old credit");

        assertThat(ids(page("story", String.valueOf(id), "used", "true"), "items")).containsExactly(inText, lead);
        assertThat(ids(page("story", String.valueOf(id), "used", "on"), "items")).as("as a checkbox sends it")
                .containsExactly(inText, lead);
        assertThat(ids(page("story", String.valueOf(id), "used", "true", "ids", String.valueOf(other)), "items"))
                .as("what the page has but has not saved yet").containsExactly(other, inText, lead);
        assertThat(ids(page("used", "true", "ids", other + "," + lead), "items")).as("a story not saved yet")
                .containsExactly(other, lead);
        assertThat(ids(page("story", String.valueOf(id), "page", "2"), "story")).as("once, on the first page").isEmpty();

        // Walking the pages reaches the old lead image too, past the first page.
        int found = 0;
        Integer next = 1;
        while (next != null && found == 0) {
            JsonNode walked = page("page", String.valueOf(next));
            if (ids(walked, "items").contains(lead)) {
                found = next;
            }
            next = walked.get("next").isNull() ? null : walked.get("next").asInt();
        }
        assertThat(found).isGreaterThan(1);
    }

    @Test
    void pagesHoldTwentyFourNewestFirstAndUnreadableRequestsAreRefusedInWords() throws Exception {
        String w = word();
        OffsetDateTime start = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            made.add(image("Paged " + w + " " + i, null, null, "paged-" + i + ".jpg", start.plusMinutes(i)));
        }
        JsonNode one = page("q", w);
        JsonNode two = page("q", w, "page", "2");
        assertThat(ids(one, "items")).hasSize(24).startsWith(made.get(29));
        assertThat(one.get("next").asInt()).isEqualTo(2);
        assertThat(ids(two, "items")).hasSize(6).endsWith(made.get(0));
        assertThat(two.get("next").isNull()).isTrue();
        List<Long> all = new ArrayList<>(ids(one, "items"));
        all.addAll(ids(two, "items"));
        assertThat(all).containsExactlyInAnyOrderElementsOf(made);

        for (String[] bad : List.of(new String[] {"page", "0"}, new String[] {"page", "abc"},
                new String[] {"page", "10001"}, new String[] {"story", "abc"}, new String[] {"ids", "1,x"})) {
            JsonNode refused = problem(ask(as(Role.AUTHOR), bad), 400);
            assertThat(refused.get("detail").asString()).as(String.join("=", bad)).isNotBlank();
        }
        JsonNode russian = problem(mvc.perform(get("/newsroom/media/picker.json").param("page", "0")
                .header("Accept-Language", "ru").with(as(Role.AUTHOR))).andReturn().getResponse(), 400);
        assertThat(russian.get("detail").asString()).isEqualTo("Такой страницы медиатеки нет.");
        assertThat(problem(ask(as(Role.AUTHOR), "story", "999999999"), 404).get("detail").asString())
                .isEqualTo("There is no such story.");
    }

    @Test
    void strangersAreSentToSignInForgedUploadsAreRefusedAndUploadsAreTheirUploadersToDescribe() throws Exception {
        long before = jdbc.sql("select count(*) from media").query(Long.class).single();
        assertThat(mvc.perform(get("/newsroom/media/picker.json")).andReturn().getResponse().getStatus()).isEqualTo(302);
        MockMultipartFile picture = new MockMultipartFile("file", "drawn.png", "image/png", TestImages.png(347, 229));
        assertThat(mvc.perform(multipart("/newsroom/media/picker/upload").file(picture).with(csrf())).andReturn()
                .getResponse().getStatus()).as("signed out").isEqualTo(302);
        assertThat(mvc.perform(multipart("/newsroom/media/picker/upload").file(picture).with(as(Role.EDITOR)))
                .andReturn().getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
        JsonNode notAnImage = problem(mvc.perform(multipart("/newsroom/media/picker/upload")
                .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", "not a picture".getBytes()))
                .header("Accept-Language", "ru").with(as(Role.CONTRIBUTOR)).with(csrf())).andReturn().getResponse(), 415);
        assertThat(notAnImage.get("detail").asString()).contains("JPEG").contains("PNG");
        assertThat(jdbc.sql("select count(*) from media").query(Long.class).single()).isEqualTo(before);

        String uploader = "uploader-" + word() + "@example.org";
        MockHttpServletResponse uploaded = mvc.perform(multipart("/newsroom/media/picker/upload").file(picture)
                .param("edition", "en").with(as(Role.CONTRIBUTOR, uploader)).with(csrf())).andReturn().getResponse();
        assertThat(uploaded.getStatus()).as(uploaded.getContentAsString()).isEqualTo(201);
        JsonNode item = JSON.readTree(uploaded.getContentAsString());
        long id = item.get("id").asLong();
        assertThat(item.get("alt").asString()).isEmpty();
        assertThat(item.get("name").asString()).isEqualTo("drawn.png");
        assertThat(jdbc.sql("select edition from media where id = ?").param(id).query(String.class).single()).isEqualTo("en");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'media.upload' and subject = ?")
                .param("media:" + id).query(Long.class).single()).isEqualTo(1);

        JsonNode notYours = problem(mvc.perform(post("/newsroom/media/picker/" + id + "/describe").param("alt", "Mine now")
                .with(as(Role.CONTRIBUTOR, "someone-else-" + word() + "@example.org")).with(csrf())).andReturn().getResponse(), 403);
        assertThat(notYours.get("detail").asString()).contains("uploaded");
        MockHttpServletResponse described = mvc.perform(post("/newsroom/media/picker/" + id + "/describe")
                .param("alt", "A red circle on blue").param("credit", "Drawn by the desk")
                .with(as(Role.CONTRIBUTOR, uploader)).with(csrf())).andReturn().getResponse();
        assertThat(described.getStatus()).as(described.getContentAsString()).isEqualTo(200);
        assertThat(JSON.readTree(described.getContentAsString()).get("alt").asString()).isEqualTo("A red circle on blue");
        // What the library already says stays: the picker only fills in what it lacks.
        assertThat(mvc.perform(post("/newsroom/media/picker/" + id + "/describe").param("alt", "Something else")
                .param("caption", "A caption at last").with(as(Role.EDITOR)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select alt_text from media where id = ?").param(id).query(String.class).single())
                .isEqualTo("A red circle on blue");
        assertThat(jdbc.sql("select caption from media where id = ?").param(id).query(String.class).single())
                .isEqualTo("A caption at last");
        assertThat(problem(mvc.perform(post("/newsroom/media/picker/999999999/describe").param("alt", "x")
                .with(as(Role.EDITOR)).with(csrf())).andReturn().getResponse(), 404).get("detail").asString())
                .isEqualTo("There is no such image in the library.");
    }

    @Test
    void withoutJavaScriptTheSelectIsTheChoiceAndThePickerOnlyAddsToIt() throws Exception {
        long lead = image("A lead for the page " + word(), null, null, "page-lead.jpg");
        long id = story(lead, "<p>Text.</p>");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/edit")
                .with(as(Role.EDITOR))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#story-form select#image[name=imageId] option[selected]").eachAttr("value"))
                .containsExactly(String.valueOf(lead));
        assertThat(page.select("[data-picker-opener]").hasAttr("hidden")).as("shown by the script only").isTrue();
        assertThat(page.select("[data-picker-featured] img")).hasSize(1);
        assertThat(page.select("dialog#media-picker").attr("data-story")).isEqualTo(String.valueOf(id));
        assertThat(page.select("#story-form #media-picker, #story-form #picker-alt")).as("never sent with the story").isEmpty();
        assertThat(page.select("script[src*=/assets/js/picker]").attr("src")).matches("/assets/js/picker-[0-9a-f]+\\.js");
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
    }
}
