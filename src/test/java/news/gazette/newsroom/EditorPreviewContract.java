package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.story.XssCorpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the story editor makes and shows beyond a save: translations as linked drafts, previews as readers will see
 * them, the editor page's own style policy and language, and the XSS corpus through every field to the reader's
 * page. Run on H2 and PostgreSQL.
 */
abstract class EditorPreviewContract extends EditorRequests {

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
        // TinyMCE, then the options every newsroom editor shares, then the story editor's own script (in that order).
        assertThat(page.select("script[src*=tinymce], script[src*=/editor]").eachAttr("src")).satisfiesExactly(
                src -> assertThat(src).endsWith("/tinymce.min.js"),
                src -> assertThat(src).matches("/assets/js/tinymce-base-[0-9a-f]+\\.js"),
                src -> assertThat(src).matches("/assets/js/editor-[0-9a-f]+\\.js"));
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
