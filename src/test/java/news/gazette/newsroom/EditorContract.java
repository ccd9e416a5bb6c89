package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.story.XssCorpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The story editor and its workflow: what each role may do to its own stories, others' and ones that do not exist;
 * saving without overwriting someone else's save; autosave; revisions; translations; preview; slugs that move; the
 * XSS corpus through every field to the reader's page. Run on H2 and PostgreSQL.
 */
abstract class EditorContract extends EditorRequests {

    long published() {
        return jdbc.sql("select id from stories where status = 'published' and edition = 'en' and created_by is null order by id desc limit 1")
                .query(Long.class).single();
    }

    @Test
    void eachRoleWritesAndPublishesWhatItsRoleAllows() throws Exception {
        record Expected(Role role, int publishOwn, int editOthers, int saveOthers, int unpublishOthers, int editOwnInReview) {
        }
        // Every account may open any story; one that may not change it sees it read-only (editOwnInReview / editOthers
        // say whether the form can be used).
        for (Expected e : List.of(new Expected(Role.CONTRIBUTOR, 403, 403, 403, 403, 403),
                new Expected(Role.AUTHOR, 303, 403, 403, 403, 200),
                new Expected(Role.EDITOR, 303, 200, 303, 303, 200),
                new Expected(Role.ADMIN, 303, 200, 303, 303, 200))) {
            RequestPostProcessor me = as(e.role());
            String role = e.role().name();
            assertThat(status(get("/newsroom/stories/new?edition=en").with(me))).as("%s new", role).isEqualTo(200);
            long own = create(me, "Own story of " + role);
            assertThat(stories.find(own).orElseThrow().createdBy()).isEqualTo(role.toLowerCase() + "@example.org");
            assertThat(status(get("/newsroom/stories/" + own + "/edit").with(me))).as("%s edit own", role).isEqualTo(200);
            assertThat(status(form(post("/newsroom/stories/" + own), "Own story, revised", "<p>Text.</p>")
                    .param("version", String.valueOf(version(own))).with(me))).as("%s save own", role).isEqualTo(303);
            assertThat(status(form(post("/newsroom/stories/" + own + "/autosave"), "Own story, autosaved", "<p>Text.</p>")
                    .param("version", String.valueOf(version(own))).with(me))).as("%s autosave own", role).isEqualTo(200);
            assertThat(status(get("/newsroom/stories/" + own + "/revisions").with(me))).as("%s revisions own", role).isEqualTo(200);
            assertThat(status(get("/newsroom/stories/" + own + "/preview").with(me))).as("%s preview own", role).isEqualTo(200);
            assertThat(status(post("/newsroom/stories/" + own + "/submit").with(me).with(csrf()))).as("%s submit own", role).isEqualTo(303);
            assertThat(stories.find(own).orElseThrow().status()).isEqualTo(StoryStatus.IN_REVIEW);
            assertThat(status(get("/newsroom/stories/" + own + "/edit").with(me))).as("%s open own in review", role)
                    .isEqualTo(200);
            assertThat(readOnly(own, me)).as("%s own in review read-only", role).isEqualTo(e.editOwnInReview() == 403);
            assertThat(status(form(post("/newsroom/stories/" + own), "Own story, in review", "<p>Text.</p>")
                    .param("version", String.valueOf(version(own))).with(me))).as("%s save own in review", role)
                    .isEqualTo(e.editOwnInReview() == 403 ? 403 : 303);
            assertThat(status(post("/newsroom/stories/" + own + "/publish").with(me).with(csrf()))).as("%s publish own", role)
                    .isEqualTo(e.publishOwn());
            assertThat(stories.find(own).orElseThrow().status())
                    .isEqualTo(e.publishOwn() == 303 ? StoryStatus.PUBLISHED : StoryStatus.IN_REVIEW);

            long others = published();
            String before = stories.find(others).orElseThrow().headline();
            assertThat(status(get("/newsroom/stories/" + others + "/edit").with(me))).as("%s open others", role).isEqualTo(200);
            assertThat(readOnly(others, me)).as("%s others read-only", role).isEqualTo(e.editOthers() == 403);
            assertThat(status(get("/newsroom/stories/" + others + "/revisions").with(me))).as("%s revisions others", role).isEqualTo(e.editOthers());
            assertThat(status(form(post("/newsroom/stories/" + others), before, stories.find(others).orElseThrow().body())
                    .param("version", String.valueOf(version(others))).with(me))).as("%s save others", role).isEqualTo(e.saveOthers());
            assertThat(status(form(post("/newsroom/stories/" + others + "/autosave"), "Taken over", "<p>x</p>")
                    .param("version", String.valueOf(version(others))).with(me))).as("%s autosave others", role)
                    .isEqualTo(e.saveOthers() == 303 ? 409 : 403);
            assertThat(stories.find(others).orElseThrow().headline()).isEqualTo(before);
            assertThat(status(post("/newsroom/stories/" + others + "/submit").with(me).with(csrf()))).as("%s submit others", role)
                    .isEqualTo(e.saveOthers() == 303 ? 409 : 403);
            assertThat(status(post("/newsroom/stories/" + others + "/schedule").param("at", "2099-01-01T10:00").with(me).with(csrf())))
                    .as("%s schedule others", role).isEqualTo(e.saveOthers() == 303 ? 409 : 403);
            assertThat(status(post("/newsroom/stories/" + others + "/unpublish").with(me).with(csrf()))).as("%s unpublish others", role)
                    .isEqualTo(e.unpublishOthers());
            if (e.unpublishOthers() == 303) {
                assertThat(status(post("/newsroom/stories/" + others + "/publish").with(me).with(csrf()))).isEqualTo(303);
            }
            assertThat(stories.find(others).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
        }
    }

    /** Whether the editor shows the story with its fields disabled and no Save button. */
    boolean readOnly(long id, RequestPostProcessor who) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/edit").with(who)).andReturn()
                .getResponse().getContentAsString());
        return page.selectFirst("fieldset.editor-fields[disabled]") != null
                && page.select("button[name=intent][value=save]").isEmpty();
    }

    @Test
    void unknownAndMalformedStoriesGetALocalized4xxAndNeverA500() throws Exception {
        List<String> paths = List.of("/edit", "/revisions", "/preview", "/revisions/compare?a=1&b=2");
        List<String> changes = List.of("", "/autosave", "/submit", "/draft", "/schedule", "/publish", "/unpublish",
                "/translate", "/revisions/1/restore");
        for (String path : paths) {
            MockHttpServletResponse missing = mvc.perform(get("/newsroom/stories/987654321" + path)
                    .header("Accept-Language", "ru").with(as(Role.ADMIN))).andReturn().getResponse();
            assertThat(missing.getStatus()).as(path).isEqualTo(404);
            for (String bad : List.of("abc", "-1", "1.5", "99999999999999999999")) {
                assertThat(status(get("/newsroom/stories/" + bad + path).with(as(Role.ADMIN)))).as(bad + path).isBetween(400, 499);
            }
        }
        for (String path : changes) {
            MockHttpServletResponse missing = mvc.perform(form(post("/newsroom/stories/987654321" + path), "x", "x")
                    .param("version", "0").param("edition", "ru").param("at", "2099-01-01T10:00")
                    .header("Accept-Language", "ru").with(as(Role.ADMIN))).andReturn().getResponse();
            assertThat(missing.getStatus()).as(path).isEqualTo(404);
            for (String bad : List.of("abc", "-1", "1.5", "99999999999999999999")) {
                assertThat(status(form(post("/newsroom/stories/" + bad + path), "x", "x").with(as(Role.ADMIN))))
                        .as(bad + path).isBetween(400, 499);
            }
        }
        long others = published();
        MockHttpServletResponse refused = mvc.perform(form(post("/newsroom/stories/" + others), "Taken over", "<p>x</p>")
                .param("version", String.valueOf(version(others))).header("Accept-Language", "hy")
                .with(as(Role.CONTRIBUTOR))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("main p").first().text()).as("a newsroom page that says what the role may do")
                .startsWith("Ձեր դերը դա թույլ չի տալիս։").contains("սևագրեր");
        assertThat(page.select("nav.newsroom-admin")).as("the newsroom's own frame, not the reader site's").isNotEmpty();
        long own = create(as(Role.EDITOR), "Malformed fields");
        for (Map.Entry<String, String> bad : Map.of("sectionId", "abc", "authors", "x1", "imageId", "1e3",
                "version", "-5").entrySet()) {
            Map<String, String> fields = new java.util.HashMap<>(Map.of("version", String.valueOf(version(own))));
            fields.put(bad.getKey(), bad.getValue());
            var request = form(post("/newsroom/stories/" + own), "Malformed fields", "<p>x</p>", fields).with(as(Role.EDITOR));
            assertThat(status(request)).as(bad.getKey()).isEqualTo(400);
        }
        assertThat(status(post("/newsroom/stories/" + own + "/schedule").param("at", "tomorrow").with(as(Role.EDITOR)).with(csrf())))
                .isEqualTo(400);
        assertThat(status(post("/newsroom/stories?edition=xx").with(as(Role.EDITOR)).with(csrf()))).isEqualTo(400);
        assertThat(status(form(post("/newsroom/stories/" + own), "", "<p>x</p>").param("version", String.valueOf(version(own)))
                .with(as(Role.EDITOR)))).isEqualTo(400);
    }

    @Test
    void everyChangeNeedsTheCsrfToken() throws Exception {
        long own = create(as(Role.EDITOR), "Forged");
        for (String path : List.of("", "/autosave", "/submit", "/publish", "/translate")) {
            assertThat(status(post("/newsroom/stories/" + own + path).param("headline", "Forged!")
                    .param("version", String.valueOf(version(own))).with(as(Role.EDITOR)))).as(path).isEqualTo(403);
        }
        assertThat(stories.find(own).orElseThrow().headline()).isEqualTo("Forged");
        assertThat(stories.find(own).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
    }

    @Test
    void aSecondSaveAtAnOldVersionShowsWhatChangedAndKeepsTheText() throws Exception {
        long id = create(as(Role.EDITOR), "Trains return to the valley");
        int loaded = version(id);
        assertThat(status(form(post("/newsroom/stories/" + id), "Trains return to the northern valley", "<p>First.</p>")
                .param("version", String.valueOf(loaded)).with(as(Role.EDITOR, "first@example.org")))).isEqualTo(303);
        MockHttpServletResponse second = mvc.perform(form(post("/newsroom/stories/" + id),
                "Trains come back to the valley", "<p>My own words.</p>").param("version", String.valueOf(loaded))
                .header("Accept-Language", "ru").with(as(Role.EDITOR, "second@example.org"))).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(second.getContentAsString());
        assertThat(page.select("#headline").attr("value")).isEqualTo("Trains come back to the valley");
        assertThat(page.select("#story-body").text()).contains("My own words.");
        assertThat(page.select("input[name=version]").attr("value")).isEqualTo(String.valueOf(version(id)));
        assertThat(page.select(".conflict h2").text()).isEqualTo("Что изменилось за это время");
        assertThat(page.select(".diff del").eachText()).contains("return", "northern");
        assertThat(page.select(".diff ins").eachText()).contains("come back");
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Trains return to the northern valley");

        MockHttpServletResponse stale = mvc.perform(form(post("/newsroom/stories/" + id + "/autosave"), "Again", "<p>x</p>")
                .param("version", String.valueOf(loaded)).with(as(Role.EDITOR))).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).isEqualTo("application/problem+json");
        assertThat(stale.getContentAsString()).contains("\"version\":" + version(id));
        MockHttpServletResponse saved = mvc.perform(form(post("/newsroom/stories/" + id + "/autosave"), "Again", "<p>x</p>")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR))).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString()).isEqualTo("{\"version\":" + version(id) + "}");
    }

    @Test
    void everySaveIsARevisionThatCanBeComparedAndRestored() throws Exception {
        long id = create(as(Role.AUTHOR), "The first headline");
        mvc.perform(form(post("/newsroom/stories/" + id), "The second headline", "<p>Words were changed here.</p>")
                .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR))).andReturn();
        List<Long> revisions = jdbc.sql("select id from story_revisions where story_id = ? order by id").param(id).query(Long.class).list();
        assertThat(revisions).hasSize(2);
        Document list = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/revisions").with(as(Role.AUTHOR)))
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select("table.desk tbody tr")).hasSize(2);
        Document compare = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/revisions/compare?a="
                + revisions.get(1) + "&b=" + revisions.get(0)).with(as(Role.AUTHOR))).andReturn().getResponse().getContentAsString());
        assertThat(compare.select(".diff del").eachText()).contains("first", "The first paragraph.");
        assertThat(compare.select(".diff ins").eachText()).contains("second", "Words were changed here.");
        assertThat(status(get("/newsroom/stories/" + id + "/revisions/compare?a=x&b=1").with(as(Role.AUTHOR)))).isEqualTo(400);
        assertThat(status(post("/newsroom/stories/" + id + "/revisions/" + revisions.get(0) + "/restore")
                .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR)).with(csrf()))).isEqualTo(303);
        Story restored = stories.find(id).orElseThrow();
        assertThat(restored.headline()).isEqualTo("The first headline");
        assertThat(restored.body()).contains("The first paragraph.");
        assertThat(jdbc.sql("select restored_from from story_revisions where story_id = ? order by id desc limit 1")
                .param(id).query(Long.class).single()).isEqualTo(revisions.get(0));
        assertThat(status(post("/newsroom/stories/" + id + "/revisions/" + revisions.get(0) + "/restore")
                .param("version", "0").with(as(Role.AUTHOR)).with(csrf()))).isEqualTo(409);
        assertThat(status(post("/newsroom/stories/" + id + "/revisions/" + revisions.get(0) + "/restore")
                .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR, "someone-else@example.org")).with(csrf())))
                .isEqualTo(403);
    }

    @Test
    void theBodyIsStoredAsBlocksAndTheReaderPageIsRenderedFromThem() throws Exception {
        long id = create(as(Role.EDITOR), "Blocks on the page");
        String body = "<h2>What happened</h2><p>It <strong>rained</strong>.</p>"
                + "<figure class=\"story-image\" data-media-id=\"" + image + "\"><img src=\"/media/x.jpg\" alt=\"Clouds\">"
                + "<figcaption>Over the hills <cite>Ann Lee</cite></figcaption></figure>"
                + "<figure class=\"embed\"><a href=\"https://youtu.be/dQw4w9WgXcQ\">video</a></figure>"
                + "<p><iframe src=\"https://evil.example\"></iframe></p>";
        assertThat(status(form(post("/newsroom/stories/" + id), "Blocks on the page", body).param("seoTitle", "Rain, explained")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)))).isEqualTo(303);
        Story story = stories.find(id).orElseThrow();
        assertThat(story.blocks()).contains("\"type\":\"heading\"", "\"type\":\"image\"", "\"type\":\"embed\"",
                "\"provider\":\"YOUTUBE\"").doesNotContain("iframe");
        assertThat(status(post("/newsroom/stories/" + id + "/publish").with(as(Role.EDITOR)).with(csrf()))).isEqualTo(303);
        String path = jdbc.sql("select '/en/' || s.slug || '/' || st.id || '-' || st.slug from stories st join sections s on s.id = st.section_id where st.id = ?")
                .param(id).query(String.class).single();
        Document page = Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".story-body h2").text()).isEqualTo("What happened");
        assertThat(page.select(".story-body figure.story-image img").attr("alt")).isEqualTo("Clouds");
        assertThat(page.select(".story-body figure.story-image cite").text()).isEqualTo("Ann Lee");
        assertThat(page.select(".story-body figure.embed-youtube a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(page.select(".story-body iframe")).isEmpty();
        assertThat(page.title()).startsWith("Rain, explained");
    }

    @Test
    void aChangedSlugOfAPublishedStoryKeepsTheOldAddressWorking() throws Exception {
        long id = create(as(Role.EDITOR), "Old slug here");
        mvc.perform(post("/newsroom/stories/" + id + "/publish").with(as(Role.EDITOR)).with(csrf())).andReturn();
        assertThat(status(form(post("/newsroom/stories/" + id), "Old slug here", "<p>x</p>").param("slug", "a-new-slug")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)))).isEqualTo(303);
        String sectionSlug = jdbc.sql("select slug from sections where id = ?").param(section).query(String.class).single();
        String newPath = "/en/" + sectionSlug + "/" + id + "-a-new-slug";
        assertThat(jdbc.sql("select new_path from redirects where old_path = ?").param("/en/" + sectionSlug + "/" + id + "-old-slug-here")
                .query(String.class).single()).isEqualTo(newPath);
        MockHttpServletResponse old = mvc.perform(get("/en/" + sectionSlug + "/" + id + "-old-slug-here")).andReturn().getResponse();
        assertThat(old.getStatus()).isEqualTo(301);
        assertThat(old.getHeader("Location")).isEqualTo(newPath);
        jdbc.sql("insert into redirects (old_path, new_path, reason, created_at) values (?, ?, 'import', current_timestamp)")
                .params("/2019/05/trains.html", newPath).update();
        MockHttpServletResponse imported = mvc.perform(get("/2019/05/trains.html")).andReturn().getResponse();
        assertThat(imported.getStatus()).isEqualTo(301);
        assertThat(imported.getHeader("Location")).isEqualTo(newPath);
        assertThat(mvc.perform(get("/2019/05/nothing.html")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aTranslationIsALinkedDraftInTheOtherEdition() throws Exception {
        long id = create(as(Role.AUTHOR, "writer@example.org"), "A story to translate");
        MockHttpServletResponse made = mvc.perform(post("/newsroom/stories/" + id + "/translate").param("edition", "ru")
                .with(as(Role.CONTRIBUTOR, "translator@example.org")).with(csrf())).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(303);
        long translation = Long.parseLong(made.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
        Story ru = stories.find(translation).orElseThrow();
        assertThat(ru.edition()).isEqualTo("ru");
        assertThat(ru.status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(ru.createdBy()).isEqualTo("translator@example.org");
        assertThat(ru.translationGroup()).isEqualTo(stories.find(id).orElseThrow().translationGroup()).isNotNull();
        MockHttpServletResponse again = mvc.perform(post("/newsroom/stories/" + id + "/translate").param("edition", "ru")
                .with(as(Role.EDITOR)).with(csrf())).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).startsWith("/newsroom/stories/" + translation + "/");
        Document editor = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/edit").header("Accept-Language", "en")
                .with(as(Role.AUTHOR, "writer@example.org"))).andReturn().getResponse().getContentAsString());
        assertThat(editor.select(".editor-translations li").text()).contains("ru:", "Draft");
        assertThat(editor.select(".editor-translations button").eachText()).containsExactly("Translate into hy");
    }

    @Test
    void previewsShowUnpublishedStoriesAsReadersWillAndAreNeverCached() throws Exception {
        long id = create(as(Role.CONTRIBUTOR, "c@example.org"), "Not out yet");
        MockHttpServletResponse preview = mvc.perform(get("/newsroom/stories/" + id + "/preview")
                .with(as(Role.CONTRIBUTOR, "c@example.org"))).andReturn().getResponse();
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getHeader("Cache-Control")).contains("no-store");
        assertThat(Jsoup.parse(preview.getContentAsString()).select("h1.story-headline").text()).isEqualTo("Not out yet");
        assertThat(status(get("/newsroom/stories/" + id + "/preview"))).isEqualTo(302);
        Document editor = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/edit")
                .with(as(Role.CONTRIBUTOR, "c@example.org"))).andReturn().getResponse().getContentAsString());
        String shared = java.net.URI.create(editor.select("#preview-link").attr("value")).getPath();
        assertThat(shared).startsWith("/preview/" + id + ".");
        MockHttpServletResponse anonymous = mvc.perform(get(shared)).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(200);
        assertThat(anonymous.getHeader("Cache-Control")).contains("no-store");
        assertThat(anonymous.getHeader("X-Cache")).isNull();
        assertThat(anonymous.getHeader("X-Robots-Tag")).contains("noindex");
        assertThat(Jsoup.parse(anonymous.getContentAsString()).select("h1.story-headline").text()).isEqualTo("Not out yet");
        String other = shared.replaceFirst("/preview/" + id + "\\.", "/preview/" + published() + ".");
        assertThat(status(get(other))).isEqualTo(404);
        assertThat(status(get(shared.substring(0, shared.length() - 2) + "AA"))).isEqualTo(404);
        assertThat(status(get("/preview/" + id + ".1.abc"))).isEqualTo(404);
    }

    @Test
    void onlyTheEditorRelaxesTheStylePolicyAndItsInterfaceSpeaksTheBrowsersLanguage() throws Exception {
        MockHttpServletResponse editor = mvc.perform(get("/newsroom/stories/new?edition=en").header("Accept-Language", "hy")
                .with(as(Role.CONTRIBUTOR))).andReturn().getResponse();
        assertThat(editor.getHeader("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';");
        assertThat(editor.getHeaders("Content-Security-Policy")).hasSize(1);
        Document page = Jsoup.parse(editor.getContentAsString());
        assertThat(page.select("script").eachAttr("src")).allMatch(src -> src.startsWith("/newsroom/tinymce/") || src.startsWith("/assets/js/"));
        assertThat(page.select("script").stream().filter(s -> !s.data().isBlank())).isEmpty();
        assertThat(page.select("#story-body").attr("data-tinymce-texts")).contains("\"Bold\":\"Թավ\"");
        assertThat(page.select("#story-body").attr("data-texts")).contains("Ներդնել հրապարակում");
        assertThat(mvc.perform(get("/newsroom").with(as(Role.EDITOR))).andReturn().getResponse()
                .getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
        MockHttpServletResponse script = mvc.perform(get("/newsroom/tinymce/6.8.3/tinymce.min.js").with(as(Role.EDITOR)))
                .andReturn().getResponse();
        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(status(get("/newsroom/tinymce/6.8.3/tinymce.min.js"))).isEqualTo(302);
    }

    @Test
    void noXssPayloadSurvivesTheEditorToTheReadersPage() throws Exception {
        long id = create(as(Role.EDITOR), "XSS corpus");
        mvc.perform(post("/newsroom/stories/" + id + "/publish").with(as(Role.EDITOR)).with(csrf())).andReturn();
        List<String> failures = new ArrayList<>();
        for (String payload : XssCorpus.bare()) {
            String body = payload + "<figure class=\"story-image\" data-media-id=\"" + image + "\"><img alt=\""
                    + payload.replace("\"", "&quot;") + "\"><figcaption>" + payload + "<cite>" + payload + "</cite></figcaption></figure>"
                    + "<figure class=\"embed\"><a href=\"" + payload.replace("\"", "&quot;") + "\">" + payload + "</a></figure>";
            MockHttpServletResponse saved = mvc.perform(form(post("/newsroom/stories/" + id), cut(payload, 300), body,
                    Map.of("imageCaption", payload, "imageCredit", cut(payload, 200), "imageAlt", payload,
                            "standfirst", payload, "seoTitle", payload, "seoDescription", payload, "tags", cut(payload, 100),
                            "version", String.valueOf(version(id)))).with(as(Role.EDITOR))).andReturn().getResponse();
            if (saved.getStatus() != 303) {
                failures.add(saved.getStatus() + " for " + payload);
                continue;
            }
            Story story = stories.find(id).orElseThrow();
            XssCorpus.assertNothingExecutable(story.body(), false, payload);
            MockHttpServletResponse preview = mvc.perform(get("/newsroom/stories/" + id + "/preview").with(as(Role.EDITOR)))
                    .andReturn().getResponse();
            assertThat(preview.getStatus()).as(payload).isEqualTo(200);
            XssCorpus.assertNothingExecutable(preview.getContentAsString(), true, payload);
        }
        assertThat(failures).isEmpty();
    }
}
