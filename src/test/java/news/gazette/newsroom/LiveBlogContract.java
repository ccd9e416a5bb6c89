package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Live blogs from the newsroom screen to the reader's page: entries added, edited and removed by those who may
 * publish, refused to others with nothing stored, bad input answered in the person's language with what was typed
 * kept, sanitized text, entries per edition, paging, and the page cache purged for exactly that story. The reader's
 * and the apps' views of a live blog are in {@link LiveBlogReadingContract}. Run on H2 and PostgreSQL.
 */
abstract class LiveBlogContract extends LiveBlogRequests {

    @Test
    void anEditorRunsALiveBlogAndReadersSeeEachChange() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Election night in the valley");
        assertThat(mvc.perform(get(page(story))).andReturn().getResponse().getContentAsString())
                .doesNotContain("data-live-blog");
        assertThat(status(post(live(story) + "/start").with(editor).with(csrf()))).isEqualTo(303);
        assertThat(blogs.find(story)).get().satisfies(b -> assertThat(b.running()).isTrue());

        long first = add(story, editor, "Polls close", "<p>Counting has <b>begun</b>.</p>");
        long second = add(story, editor, "", "<p>Turnout was 61 per cent.</p>");
        Document reader = reader(story);
        assertThat(reader.select(".badge-live").text()).isEqualTo("Live");
        assertThat(reader.select(".live-entry").eachAttr("id")).containsExactly("entry-" + second, "entry-" + first);
        assertThat(reader.select("#entry-" + first + " .live-entry-headline").text()).isEqualTo("Polls close");
        assertThat(reader.select("#entry-" + first + " .live-entry-body b").text()).isEqualTo("begun");
        assertThat(reader.select("#entry-" + first + " a.live-entry-time").attr("href")).isEqualTo("#entry-" + first);
        assertThat(reader.select("#entry-" + first + " time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(reader.select("#entry-" + first + " .live-entry-updated")).isEmpty();
        assertThat(reader.select("button.live-follow[data-push-follow=" + story + "][hidden]").text())
                .isEqualTo("Follow this live blog");

        assertThat(status(entry(post(live(story) + "/entries/" + first), "Polls have closed", "<p>Counting began.</p>")
                .with(editor))).isEqualTo(303);
        reader = reader(story);
        assertThat(reader.select("#entry-" + first + " .live-entry-headline").text()).isEqualTo("Polls have closed");
        assertThat(reader.select("#entry-" + first + " .live-entry-updated").text()).startsWith("updated ");

        assertThat(status(post(live(story) + "/key-points").param("keyPoints", "<ul><li>Turnout 61%</li></ul>")
                .with(editor).with(csrf()))).isEqualTo(303);
        assertThat(reader(story).select(".key-points li").text()).isEqualTo("Turnout 61%");

        assertThat(status(post(live(story) + "/entries/" + second + "/delete").with(editor).with(csrf()))).isEqualTo(303);
        assertThat(reader(story).select(".live-entry").eachAttr("id")).containsExactly("entry-" + first);

        assertThat(status(post(live(story) + "/end").with(editor).with(csrf()))).isEqualTo(303);
        reader = reader(story);
        assertThat(reader.select(".badge-live")).isEmpty();
        assertThat(reader.select(".live-ended").text()).startsWith("The live blog has ended.");
        assertThat(reader.select(".live-ended time")).hasSize(2);
        MockHttpServletResponse afterEnd = mvc.perform(entry(post(live(story) + "/entries"), "Late", "<p>Too late.</p>")
                .with(editor)).andReturn().getResponse();
        assertThat(afterEnd.getStatus()).isEqualTo(400);
        assertThat(afterEnd.getContentAsString()).contains("The live blog has ended: start it again");
        assertThat(blogs.count(story)).isEqualTo(1);
    }

    @Test
    void onlyRolesThatMayPublishChangeALiveBlogAndARefusalChangesNothing() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long others = publishedStory(editor, "A live blog of the desk");
        mvc.perform(post(live(others) + "/start").with(editor).with(csrf()));
        long entry = add(others, editor, "Kept", "<p>Kept as it is.</p>");
        for (Role role : List.of(Role.CONTRIBUTOR, Role.AUTHOR)) {
            RequestPostProcessor me = as(role);
            assertThat(status(get(live(others)).with(me))).as("%s may look", role).isEqualTo(200);
            assertThat(Jsoup.parse(mvc.perform(get(live(others)).with(me)).andReturn().getResponse()
                    .getContentAsString()).select("form[action$=/entries]")).as("%s gets no form", role).isEmpty();
            for (MockHttpServletRequestBuilder change : List.of(
                    entry(post(live(others) + "/entries"), "Taken", "<p>Not mine.</p>"),
                    entry(post(live(others) + "/entries/" + entry), "Taken", "<p>Not mine.</p>"),
                    post(live(others) + "/entries/" + entry + "/delete").with(csrf()),
                    post(live(others) + "/key-points").param("keyPoints", "<p>No</p>").with(csrf()),
                    post(live(others) + "/end").with(csrf()),
                    post(live(others) + "/start").with(csrf()))) {
                MockHttpServletResponse refused = mvc.perform(change.with(me)).andReturn().getResponse();
                assertThat(refused.getStatus()).as("%s refused", role).isEqualTo(403);
                assertThat(Jsoup.parse(refused.getContentAsString()).select("nav.newsroom-admin")).isNotEmpty();
            }
        }
        assertThat(blogs.count(others)).isEqualTo(1);
        assertThat(blogs.entry(others, entry).orElseThrow().headline()).isEqualTo("Kept");
        assertThat(blogs.find(others).orElseThrow().running()).isTrue();
        assertThat(status(post(live(others) + "/entries").with(csrf()))).as("signed out").isIn(302, 401, 403);

        // An author may run the live blog of a story of their own, which they may publish.
        RequestPostProcessor author = as(Role.AUTHOR);
        long own = create(author, "An author's own live blog");
        assertThat(status(post("/newsroom/stories/" + own + "/publish").with(author).with(csrf()))).isEqualTo(303);
        assertThat(status(post(live(own) + "/start").with(author).with(csrf()))).isEqualTo(303);
        add(own, author, "Mine", "<p>My own entry.</p>");
        assertThat(blogs.count(own)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInThePersonsLanguageAndWhatWasTypedIsKept() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Marathon morning");
        long other = publishedStory(editor, "Another live blog");
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        mvc.perform(post(live(other) + "/start").with(editor).with(csrf()));
        long elsewhere = add(other, editor, "Elsewhere", "<p>In the other live blog.</p>");

        record Bad(String headline, String text, String image, String embed, String expected) {
        }
        for (Bad bad : List.of(
                new Bad("Start line", "  <p> </p> ", "", "", "Напишите текст записи"),
                new Bad("Start line", "<p>Runners gather.</p>", "987654321", "", "Этого изображения нет в медиатеке"),
                new Bad("Start line", "<p>Runners gather.</p>", "not-a-number", "", "Этого изображения нет в медиатеке"),
                new Bad("Start line", "<p>Runners gather.</p>", "", "https://example.org/video", "YouTube, X, Telegram"),
                new Bad("x".repeat(301), "<p>Runners gather.</p>", "", "", "Заголовок слишком длинный"))) {
            MockHttpServletResponse refused = mvc.perform(entry(post(live(story) + "/entries"), bad.headline(),
                    bad.text()).param("image", bad.image()).param("embed", bad.embed())
                    .header("Accept-Language", "ru").with(editor)).andReturn().getResponse();
            assertThat(refused.getStatus()).as(bad.expected()).isEqualTo(400);
            Document page = Jsoup.parse(refused.getContentAsString());
            assertThat(page.select("[role=alert]").text()).contains(bad.expected());
            assertThat(page.select("#new-headline").val()).isEqualTo(bad.headline());
            assertThat(page.select("#new-text").val()).isEqualTo(bad.text().strip());
            assertThat(page.select("#new-embed").val()).isEqualTo(bad.embed());
        }
        assertThat(blogs.count(story)).isZero();

        MockHttpServletResponse foreign = mvc.perform(entry(post(live(story) + "/entries/" + elsewhere), "Moved",
                "<p>Moved here.</p>").with(editor)).andReturn().getResponse();
        assertThat(foreign.getStatus()).isEqualTo(400);
        assertThat(foreign.getContentAsString()).contains("That entry does not belong to this live blog.");
        assertThat(status(post(live(story) + "/entries/" + elsewhere + "/delete").with(editor).with(csrf())))
                .isEqualTo(400);
        assertThat(blogs.entry(other, elsewhere).orElseThrow().headline()).isEqualTo("Elsewhere");
        assertThat(status(get("/newsroom/stories/987654321/live").with(editor))).isEqualTo(404);

        // An image of the library with its alternative text, and an embed, as the story body shows them.
        long entry = mvc.perform(entry(post(live(story) + "/entries"), "Start", "<p>They are off.</p>")
                .param("image", String.valueOf(image)).param("alt", "Runners at the start")
                .param("embed", "https://youtu.be/dQw4w9WgXcQ").with(editor)).andReturn().getResponse().getStatus();
        assertThat(entry).isEqualTo(303);
        Document reader = reader(story);
        assertThat(reader.select(".live-entry-body figure.story-image img").attr("alt")).isEqualTo("Runners at the start");
        assertThat(reader.select(".live-entry-body figure.embed-youtube a").attr("href")).contains("dQw4w9WgXcQ");
    }

    @Test
    void theFormsWriteInTheStoryEditorsTinyMceInThePersonsLanguageAndATextareaStaysUnderneath() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Rich text on election night");
        MockHttpServletResponse notLive = mvc.perform(get(live(story)).with(editor)).andReturn().getResponse();
        assertThat(notLive.getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
        assertThat(Jsoup.parse(notLive.getContentAsString()).select("script")).isEmpty();
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        long entry = add(story, editor, "Count", "<p>Counting has <strong>begun</strong>, <a href=\"https://example.org/\">"
                + "see</a>.</p>");

        MockHttpServletResponse screen = mvc.perform(get(live(story)).header("Accept-Language", "ru").with(editor))
                .andReturn().getResponse();
        assertThat(screen.getHeader("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline'",
                "script-src 'self';");
        Document page = Jsoup.parse(screen.getContentAsString());
        assertThat(page.select("script").eachAttr("src")).satisfiesExactly(
                src -> assertThat(src).isEqualTo("/newsroom/tinymce/6.8.3/tinymce.min.js"),
                src -> assertThat(src).matches("/assets/js/tinymce-base-[0-9a-f]+\\.js"),
                src -> assertThat(src).matches("/assets/js/entry-editor-[0-9a-f]+\\.js"));
        assertThat(page.select("form[data-refused]")).as("nothing refused").isEmpty();
        assertThat(page.select("script[data-language=ru]").attr("data-tinymce-texts")).contains("\"Bold\":\"Полужирный\"");
        assertThat(page.select("form textarea[data-rich-text]").eachAttr("id"))
                .containsExactly("key-points", "new-text", "e" + entry + "-text");
        assertThat(page.select("#e" + entry + "-text").attr("data-rich-text")).startsWith("Запись ").endsWith(": Текст");
        assertThat(page.select("#e" + entry + "-text").val()).contains("<strong>begun</strong>", "<a href=\"https://example.org/\"");

        // A refused entry comes back formatted as typed, in the editor's textarea.
        String typed = "<p>Turnout <em>rising</em> in <a href=\"https://example.org/\">Gyumri</a>.</p>";
        MockHttpServletResponse refused = mvc.perform(entry(post(live(story) + "/entries"), "Turnout", typed)
                .param("embed", "https://example.org/clip").with(editor)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getHeader("Content-Security-Policy")).contains("'unsafe-inline'");
        assertThat(Jsoup.parse(refused.getContentAsString()).select("#new-text[data-rich-text]").val()).isEqualTo(typed);
        // It is marked as not saved (the screen's script then asks before it is left), and only it.
        assertThat(Jsoup.parse(refused.getContentAsString()).select("form[data-refused]").eachAttr("action"))
                .containsExactly(live(story) + "/entries");
        MockHttpServletResponse refusedEdit = mvc.perform(entry(post(live(story) + "/entries/" + entry), "Count", typed)
                .param("embed", "https://example.org/clip").with(editor)).andReturn().getResponse();
        assertThat(Jsoup.parse(refusedEdit.getContentAsString()).select("form[data-refused]").eachAttr("action"))
                .containsExactly(live(story) + "/entries/" + entry);
        MockHttpServletResponse refusedPoints = mvc.perform(post(live(story) + "/key-points")
                .param("keyPoints", "<p>" + "x".repeat(50_001) + "</p>").with(editor).with(csrf())).andReturn()
                .getResponse();
        assertThat(refusedPoints.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refusedPoints.getContentAsString()).select("form[data-refused]").eachAttr("action"))
                .containsExactly(live(story) + "/key-points");

        // Who may only look gets neither the editor nor its policy.
        MockHttpServletResponse looking = mvc.perform(get(live(story)).with(as(Role.CONTRIBUTOR))).andReturn().getResponse();
        assertThat(looking.getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
        assertThat(Jsoup.parse(looking.getContentAsString()).select("script, textarea")).isEmpty();
    }

    @Test
    void entryTextPassesTheStorySanitizer() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Sanitized live blog");
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        long id = add(story, editor, "<script>alert(1)</script>Headline",
                "<p onclick=\"alert(2)\">Safe <a href=\"javascript:alert(3)\">link</a><script>alert(4)</script>"
                        + "<img src=x onerror=alert(5)><iframe src=\"https://evil.example\"></iframe> text</p>");
        mvc.perform(post(live(story) + "/key-points").param("keyPoints", "<ul><li onmouseover=alert(6)>Point"
                + "<style>body{}</style></li></ul>").with(editor).with(csrf()));
        String stored = blogs.entry(story, id).orElseThrow().html() + blogs.find(story).orElseThrow().keyPoints();
        assertThat(stored).doesNotContain("<script", "onclick", "javascript:", "onerror", "<iframe", "onmouseover",
                "<style").contains("Safe", "text", "Point");
        String page = mvc.perform(get(page(story))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("alert(1)</script>", "alert(4)", "alert(5)", "alert(6)");
        assertThat(Jsoup.parse(page).select("#entry-" + id + " .live-entry-headline").text())
                .isEqualTo("<script>alert(1)</script>Headline");
    }

    @Test
    void oneLiveBlogRunsInEveryEditionWithEntriesOfItsOwn() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        List<Long> group = jdbc.sql("select s.id from stories s where s.translation_group = (select min(x.translation_group)"
                        + " from stories x where x.status = 'published' and x.translation_group is not null"
                        + " and not exists (select 1 from live_blogs b where b.story_id = x.id)"
                        + " and (select count(*) from stories y where y.translation_group = x.translation_group) = 3)"
                        + " order by s.edition").query(Long.class).list();
        assertThat(group).hasSize(3);
        assertThat(status(post(live(group.get(0)) + "/start").with(editor).with(csrf()))).isEqualTo(303);
        assertThat(group).allSatisfy(id -> assertThat(blogs.find(id)).isPresent());
        long en = jdbc.sql("select id from stories where id in (:ids) and edition = 'en'").param("ids", group)
                .query(Long.class).single();
        long ru = jdbc.sql("select id from stories where id in (:ids) and edition = 'ru'").param("ids", group)
                .query(Long.class).single();
        long enEntry = add(en, editor, "In English", "<p>Written for the English edition.</p>");
        long ruEntry = add(ru, editor, "По-русски", "<p>Написано для русской редакции.</p>");
        assertThat(reader(en).select(".live-entry").eachAttr("id")).containsExactly("entry-" + enEntry);
        assertThat(reader(ru).select(".live-entry").eachAttr("id")).containsExactly("entry-" + ruEntry);
        assertThat(reader(ru).select(".badge-live").text()).isEqualTo("Онлайн");
    }

    @Test
    void longLiveBlogsArePagedWithLinksThatWorkWithoutScript() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "A long day");
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        long[] ids = new long[25];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = add(story, editor, "", "<p>Update number " + (i + 1) + ".</p>");
        }
        Document first = reader(story);
        assertThat(first.select(".live-entry")).hasSize(20);
        assertThat(first.select(".live-entry").first().id()).isEqualTo("entry-" + ids[24]);
        String older = first.select(".live-paging a[rel=next]").attr("href");
        assertThat(older).isEqualTo(page(story) + "?before=" + ids[5] + "#live-blog");
        Document second = Jsoup.parse(mvc.perform(get(older.replace("#live-blog", ""))).andReturn().getResponse()
                .getContentAsString());
        assertThat(second.select(".live-entry").eachAttr("id")).containsExactly("entry-" + ids[4], "entry-" + ids[3],
                "entry-" + ids[2], "entry-" + ids[1], "entry-" + ids[0]);
        assertThat(second.select(".live-paging a[rel=next]")).isEmpty();
        assertThat(second.select(".live-paging a").attr("href")).isEqualTo(page(story) + "#live-blog");
        assertThat(second.select("[data-live-blog]").attr("data-first-page")).isEqualTo("false");
        assertThat(status(get(page(story) + "?before=abc"))).isEqualTo(404);
        assertThat(status(get(page(story) + "?before=" + ids[0]))).isEqualTo(404);
    }

    @Test
    void anEntryChangePurgesExactlyThatStorysPages() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Cached live blog");
        long bystander = published();
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        for (String path : List.of(page(story), page(bystander))) {
            mvc.perform(get(path));
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getHeader("X-Cache")).as(path).isEqualTo("HIT");
        }
        long id = add(story, editor, "Fresh", "<p>Fresh news.</p>");
        MockHttpServletResponse again = mvc.perform(get(page(story))).andReturn().getResponse();
        assertThat(again.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(again.getContentAsString()).contains("entry-" + id);
        assertThat(again.getHeader("Cache-Tag")).contains("story:" + story);
        assertThat(mvc.perform(get(page(bystander))).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");
    }
}
