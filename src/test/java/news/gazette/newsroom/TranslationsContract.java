package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import news.gazette.account.Role;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.Publishing;
import news.gazette.story.StoryActor;
import news.gazette.story.TranslationMappings;
import news.gazette.webhook.WebhookEvent;
import news.gazette.webhook.Webhooks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Editions in step: a translation made through the editor carries the mapped section and tags and remembers the
 * source's revision; a change of the source's content flags it outdated and its editor shows the changed blocks until
 * someone allowed to publish marks it up to date; machine suggestions fill only untouched fields and a failing
 * provider changes nothing; a correction note shows on the story, in its structured data, the feed, the API and a
 * webhook, purges only that story's pages, and is pending for the translations until carried over.
 */
abstract class TranslationsContract extends EditorRequests {

    /** A stand-in LibreTranslate: answers "[target] text", or an error while {@link #failing} holds a status. */
    static final HttpServer MACHINE = machine();
    static final AtomicReference<Integer> failing = new AtomicReference<>();

    @Autowired TranslationMappings mappings;
    @Autowired Publishing publishing;
    @Autowired Webhooks webhooks;

    @DynamicPropertySource
    static void machineTranslation(DynamicPropertyRegistry registry) {
        registry.add("gazette.translation.machine.url", () -> "http://127.0.0.1:" + MACHINE.getAddress().getPort());
        registry.add("gazette.translation.machine.timeout", () -> "10s");
    }

    private static HttpServer machine() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/translate", exchange -> {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Integer status = failing.get();
                var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
                var request = mapper.readTree(body);
                byte[] answer = status != null ? "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8)
                        : mapper.writeValueAsBytes(Map.of("translatedText",
                        "[" + request.get("target").asString() + "] " + request.get("q").asString()));
                exchange.sendResponseHeaders(status != null ? status : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            // One stand-in for the test JVM: the H2 and the PostgreSQL subclass both use it, so no class may stop it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTranslationCarriesTheMappedSectionAndTagsAndRemembersTheSourceRevision() throws Exception {
        List<Long> ruSections = jdbc.sql("select id from sections where edition = 'ru' order by position")
                .query(Long.class).list();
        long target = ruSections.get(ruSections.size() - 1);
        assertThatThrownBy(() -> mappings.mapSection("en", section, "ru", 987654321L, "editor@example.org"))
                .isInstanceOf(InvalidStoryException.class).hasMessageContaining("mapping");
        mappings.mapSection("en", section, "ru", target, "editor@example.org");
        mappings.mapTag("en", "Trains", "ru", "поезда", "editor@example.org");

        long source = create(as(Role.EDITOR), "Trains return to the valley");
        MockHttpServletResponse made = mvc.perform(post("/newsroom/stories/" + source + "/translate")
                .param("edition", "ru").with(as(Role.CONTRIBUTOR)).with(csrf())).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(303);
        long translation = Long.parseLong(made.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);

        assertThat(stories.find(translation).orElseThrow().sectionId()).isEqualTo(target);
        assertThat(jdbc.sql("select t.name from story_tags st join tags t on t.id = st.tag_id where st.story_id = ?")
                .param(translation).query(String.class).list()).containsExactly("поезда");
        long latest = jdbc.sql("select max(id) from story_revisions where story_id = ?").param(source)
                .query(Long.class).single();
        assertThat(jdbc.sql("select source_revision_id from translation_sources where story_id = ?").param(translation)
                .query(Long.class).single()).isEqualTo(latest);
        Document editor = editor(translation, Role.CONTRIBUTOR, "en");
        assertThat(editor.select("tr[data-edition=ru]").attr("data-state")).isEqualTo("draft");
        assertThat(editor.select("tr[data-edition=hy]").attr("data-state")).isEqualTo("not-translated");
        assertThat(editor.select(".source-changes")).isEmpty();
        assertThat(editor.select(".translation-panel").text()).contains("headline", "image description");
    }

    @Test
    void aChangedSourceFlagsItsTranslationAndShowsTheChangedBlocksUntilMarkedUpToDate() throws Exception {
        long source = create(as(Role.EDITOR), "Bridge opens in spring");
        mvc.perform(form(post("/newsroom/stories/" + source), "Bridge opens in spring",
                "<p>The bridge opens in April.</p><h2>Traffic</h2><p>Buses change routes.</p>")
                .param("version", String.valueOf(version(source))).with(as(Role.EDITOR))).andReturn();
        long translation = translate(source, "hy");
        // Tags only: the content is the same, so the translation stays in step.
        mvc.perform(form(post("/newsroom/stories/" + source), "Bridge opens in spring",
                "<p>The bridge opens in April.</p><h2>Traffic</h2><p>Buses change routes.</p>", Map.of("tags", "bridges"))
                .param("version", String.valueOf(version(source))).with(as(Role.EDITOR))).andReturn();
        assertThat(editor(translation, Role.EDITOR, "en").select("tr[data-edition=hy]").attr("data-state"))
                .isEqualTo("draft");

        mvc.perform(form(post("/newsroom/stories/" + source), "Bridge opens in May",
                "<p>The bridge opens in May.</p><h2>Traffic</h2><p>Buses change routes.</p><p>Tolls are waived.</p>")
                .param("version", String.valueOf(version(source))).with(as(Role.EDITOR))).andReturn();
        Document page = editor(translation, Role.EDITOR, "ru");
        assertThat(page.select("tr[data-edition=hy]").attr("data-state")).isEqualTo("outdated");
        assertThat(page.select("#translation-outdated")).hasSize(1);
        assertThat(page.select(".source-changes li")).hasSize(3);
        assertThat(page.select(".source-changes del").eachText()).containsExactly("Bridge opens in spring",
                "The bridge opens in April.");
        assertThat(page.select(".source-changes ins").eachText()).containsExactly("Bridge opens in May",
                "The bridge opens in May.", "Tolls are waived.");
        assertThat(page.select(".source-changes li strong").eachText()).containsExactly("Заголовок", "Абзац", "Абзац");

        assertThat(status(post("/newsroom/stories/" + translation + "/translation/up-to-date")
                .with(as(Role.CONTRIBUTOR, "someone@example.org")).with(csrf()))).isEqualTo(403);
        assertThat(status(post("/newsroom/stories/" + translation + "/translation/up-to-date")
                .with(as(Role.EDITOR, "chief@example.org")).with(csrf()))).isEqualTo(303);
        Document after = editor(translation, Role.EDITOR, "en");
        assertThat(after.select("tr[data-edition=hy]").attr("data-state")).isEqualTo("draft");
        assertThat(after.select(".source-changes")).isEmpty();
        assertThat(after.select(".translation-panel").text()).contains("chief@example.org");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'story.translation-up-to-date' and subject = ?")
                .param("story:" + translation).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theMachineFillsOnlyUntouchedFieldsAndAFailingProviderChangesNothing() throws Exception {
        long source = create(as(Role.EDITOR), "Rain in the north");
        long translation = translate(source, "ru");
        Map<String, String> inRussian = Map.of("sectionId", String.valueOf(stories.find(translation).orElseThrow()
                .sectionId()), "authors", String.valueOf(jdbc.sql("select id from authors where edition = 'ru' order by id "
                + "limit 1").query(Long.class).single()), "tags", "");
        assertThat(status(form(post("/newsroom/stories/" + translation), "Дождь на севере", "<p>The first paragraph.</p>",
                inRussian).param("version", String.valueOf(version(translation))).with(as(Role.EDITOR)))).isEqualTo(303);
        int before = version(translation);

        failing.set(500);
        MockHttpServletResponse failed = mvc.perform(post("/newsroom/stories/" + translation + "/translation/machine")
                .param("version", String.valueOf(before)).header("Accept-Language", "hy")
                .with(as(Role.EDITOR)).with(csrf())).andReturn().getResponse();
        failing.set(null);
        assertThat(failed.getStatus()).isEqualTo(502);
        assertThat(Jsoup.parse(failed.getContentAsString()).select("[role=alert]").text())
                .contains("Թարգմանության ծառայությունը");
        assertThat(version(translation)).isEqualTo(before);

        assertThat(status(post("/newsroom/stories/" + translation + "/translation/machine")
                .param("version", String.valueOf(before)).with(as(Role.EDITOR)).with(csrf()))).isEqualTo(303);
        var story = stories.find(translation).orElseThrow();
        assertThat(story.headline()).isEqualTo("Дождь на севере");
        assertThat(story.standfirst()).isEqualTo("[ru] A standfirst.");
        assertThat(story.body()).contains("[ru]");
        Document page = editor(translation, Role.EDITOR, "en");
        assertThat(page.select(".machine-parts").text()).contains("standfirst", "text").doesNotContain("headline");

        Map<String, String> edited = new java.util.HashMap<>(inRussian);
        edited.put("standfirst", "Синоптики ждут ливней.");
        assertThat(status(form(post("/newsroom/stories/" + translation), "Дождь на севере", story.body(), edited)
                .param("version", String.valueOf(version(translation))).with(as(Role.EDITOR)))).isEqualTo(303);
        assertThat(editor(translation, Role.EDITOR, "en").select(".machine-parts").text())
                .doesNotContain("standfirst");
    }

    @Test
    void aCorrectionShowsEverywhereReadersLookAndPurgesOnlyThatStory() throws Exception {
        webhooks.register("http://127.0.0.1:9/hook", Set.of(WebhookEvent.STORY_CORRECTED), true, "admin@test");
        long id = create(as(Role.EDITOR), "Dam levels fall");
        publishing.publish(id, StoryActor.system("test"));
        long other = published();
        long translation = translate(id, "ru");
        String path = path(id);
        String otherPath = path(other);
        mvc.perform(get(path)).andReturn();
        mvc.perform(get(otherPath)).andReturn();
        assertThat(mvc.perform(get(otherPath)).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");

        MockHttpServletResponse refused = mvc.perform(post("/newsroom/stories/" + id + "/notes").param("kind", "oops")
                .param("text", "Kept words").header("Accept-Language", "ru").with(as(Role.EDITOR)).with(csrf()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        Document again = Jsoup.parse(refused.getContentAsString());
        assertThat(again.select("#note-text").text()).isEqualTo("Kept words");
        assertThat(again.select("[role=alert]").text()).contains("поправка это или обновление");
        assertThat(status(post("/newsroom/stories/" + id + "/notes").param("kind", "correction").param("text", "x")
                .with(as(Role.CONTRIBUTOR, "nobody@example.org")).with(csrf()))).isEqualTo(403);

        assertThat(status(post("/newsroom/stories/" + id + "/notes").param("kind", "correction")
                .param("text", "An earlier version gave the level in feet.").with(as(Role.EDITOR)).with(csrf())))
                .isEqualTo(303);

        MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(page.getHeader("X-Cache")).isEqualTo("MISS");
        Document html = Jsoup.parse(page.getContentAsString());
        assertThat(html.select(".story-notes .story-note-correction").text())
                .contains("Correction", "An earlier version gave the level in feet.");
        String jsonLd = html.select("script[type=application/ld+json]").html();
        assertThat(jsonLd).contains("\"correction\"", "\"CorrectionComment\"", "An earlier version gave the level in feet.");
        var modified = stories.find(id).orElseThrow().updatedAt();
        assertThat(modified).isNotNull();
        assertThat(mvc.perform(get(otherPath)).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");

        assertThat(mvc.perform(get("/feeds/en/rss.xml")).andReturn().getResponse().getContentAsString())
                .contains("An earlier version gave the level in feet.");
        assertThat(mvc.perform(get("/api/v1/stories/" + id)).andReturn().getResponse().getContentAsString())
                .contains("\"corrections\":[{\"kind\":\"correction\",\"text\":\"An earlier version gave the level in feet.\"");
        assertThat(Jsoup.parse(mvc.perform(get("/en/corrections")).andReturn().getResponse().getContentAsString())
                .select(".corrections-list li").first().text()).contains("Dam levels fall");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
                "select payload from webhook_deliveries where story_id = ? and event = 'story.corrected'").param(id)
                .query(String.class).list()).singleElement().asString().contains("\"kind\":\"correction\""));

        long note = jdbc.sql("select id from story_notes where story_id = ?").param(id).query(Long.class).single();
        assertThat(editor(translation, Role.EDITOR, "en").select("tr[data-edition=ru]").text())
                .contains("Correction pending");
        publishing.publish(translation, StoryActor.system("test"));
        assertThat(status(post("/newsroom/stories/" + translation + "/notes").param("kind", "correction")
                .param("carries", String.valueOf(note)).param("text", "В прежней версии уровень был указан в футах.")
                .with(as(Role.EDITOR)).with(csrf()))).isEqualTo(303);
        assertThat(editor(translation, Role.EDITOR, "en").select("tr[data-edition=ru]").text())
                .doesNotContain("Correction pending");
    }

    private long translate(long source, String edition) throws Exception {
        MockHttpServletResponse made = mvc.perform(post("/newsroom/stories/" + source + "/translate")
                .param("edition", edition).with(as(Role.EDITOR)).with(csrf())).andReturn().getResponse();
        return Long.parseLong(made.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    private Document editor(long id, Role role, String language) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/newsroom/stories/" + id + "/edit")
                .header("Accept-Language", language).with(as(role))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString());
    }

    private String path(long id) {
        return jdbc.sql("select '/' || st.edition || '/' || s.slug || '/' || st.id || '-' || st.slug from stories st "
                + "join sections s on s.id = st.section_id where st.id = ?").param(id).query(String.class).single();
    }
}
