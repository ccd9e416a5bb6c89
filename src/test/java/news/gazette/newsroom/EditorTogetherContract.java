package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import news.gazette.platform.SiteProperties;
import news.gazette.story.StoryStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The editor for people working together and against the clock: scheduling in the outlet's time zone and refusing a
 * time that has passed (keeping all that was typed), who else has the story open, revision numbers that agree
 * between the list and the comparison, and previews marked as such. Run on H2 and PostgreSQL.
 */
abstract class EditorTogetherContract extends EditorRequests {

    @Autowired SiteProperties site;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletResponse schedule(long id, String headline, String at) throws Exception {
        return mvc.perform(form(post("/newsroom/stories/" + id), headline, "<p>Typed words stay.</p>",
                        Map.of("intent", "schedule", "at", at, "version", String.valueOf(version(id))))
                .header("Accept-Language", "en").with(as(Role.EDITOR))).andReturn().getResponse();
    }

    @Test
    void aTimeInThePastIsRefusedInWordsAndNothingTypedIsLost() throws Exception {
        long id = create(as(Role.EDITOR), "Planned for yesterday");
        MockHttpServletResponse refused = schedule(id, "A headline typed before scheduling", "2001-02-03T09:00");

        assertThat(refused.getStatus()).isEqualTo(400);
        Document shown = Jsoup.parse(refused.getContentAsString());
        assertThat(shown.select("[role=alert]").text()).contains("That time has already passed");
        assertThat(shown.select("#headline").val()).isEqualTo("A headline typed before scheduling");
        assertThat(shown.select("#story-body").text()).contains("Typed words stay.");
        assertThat(shown.select("#schedule-at").val()).isEqualTo("2001-02-03T09:00");
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Planned for yesterday");
    }

    @Test
    void theScheduleShowsTheOutletsTimeZoneAndTheTimeInIt() throws Exception {
        long id = create(as(Role.EDITOR), "Planned for later");
        String zone = site.timeZone().getId();
        Document blank = page(get("/newsroom/stories/" + id + "/edit").with(as(Role.EDITOR)));
        assertThat(blank.select("label[for=schedule-at]").text()).contains(zone);
        assertThat(blank.select("#schedule-hint").text()).contains("(" + zone + ")");

        assertThat(schedule(id, "Planned for later", "2099-01-02T08:30").getStatus()).isEqualTo(303);
        assertThat(stories.find(id).orElseThrow().publishedAt())
                .isEqualTo(java.time.LocalDateTime.parse("2099-01-02T08:30").atZone(site.timeZone()).toInstant());
        Document scheduled = page(get("/newsroom/stories/" + id + "/edit").with(as(Role.EDITOR)));
        assertThat(scheduled.select(".editor-publishes").text()).startsWith("Publishes").contains("2099", "8:30", "(" + zone + ")");
    }

    @Test
    void theEditorShowsWhoElseHasTheStoryOpenBeforeAnyoneSaves() throws Exception {
        long id = create(as(Role.EDITOR, "first@example.org"), "Open twice");
        page(get("/newsroom/stories/" + id + "/edit").with(as(Role.EDITOR, "first@example.org")));
        Document second = page(get("/newsroom/stories/" + id + "/edit").with(as(Role.EDITOR, "second@example.org")));
        assertThat(second.select(".editor-presence").text()).contains("first@example.org").doesNotContain("second@");

        String heard = mvc.perform(post("/newsroom/stories/" + id + "/presence").header("Accept-Language", "en")
                .with(as(Role.EDITOR, "first@example.org")).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(heard).contains("second@example.org").doesNotContain("first@");

        assertThat(mvc.perform(post("/newsroom/stories/" + id + "/presence/leave").with(as(Role.EDITOR, "second@example.org"))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(presence(id, "first@example.org")).isEmpty();
    }

    @Test
    void aPageThatStoppedBeatingIsGoneAfterFortyFiveSeconds() throws Exception {
        long id = create(as(Role.EDITOR), "Left open");
        page(get("/newsroom/stories/" + id + "/edit").with(as(Role.EDITOR, "gone@example.org")));
        assertThat(presence(id, "here@example.org")).containsExactly("gone@example.org");
        jdbc.sql("update editor_presence set seen_at = ? where story_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(46)), id).update();
        assertThat(presence(id, "here@example.org")).isEmpty();
    }

    @Test
    void presenceNeedsTheFormsTokenAndASignedInPerson() throws Exception {
        long id = create(as(Role.EDITOR), "Guarded");
        assertThat(status(post("/newsroom/stories/" + id + "/presence").with(as(Role.EDITOR)))).isEqualTo(403);
        assertThat(status(post("/newsroom/stories/" + id + "/presence").with(csrf()))).isIn(302, 401, 403);
        assertThat(status(post("/newsroom/stories/999999999/presence").with(as(Role.EDITOR)).with(csrf()))).isEqualTo(404);
    }

    private List<String> presence(long id, String viewer) throws Exception {
        String json = mvc.perform(post("/newsroom/stories/" + id + "/presence").with(as(Role.EDITOR, viewer)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"others\":\\[([^\\]]*)]").matcher(json);
        if (m.find() && !m.group(1).isBlank()) {
            for (String quoted : m.group(1).split(",")) {
                names.add(quoted.replace("\"", "").trim());
            }
        }
        return names;
    }

    @Test
    void revisionNumbersAreTheSameInTheListAndTheComparison() throws Exception {
        long id = create(as(Role.EDITOR), "Numbered once");
        for (String headline : List.of("Numbered twice", "Numbered thrice")) {
            assertThat(mvc.perform(form(post("/newsroom/stories/" + id), headline, "<p>Body.</p>",
                    Map.of("intent", "save", "version", String.valueOf(version(id)))).with(as(Role.EDITOR)))
                    .andReturn().getResponse().getStatus()).isEqualTo(303);
        }
        Document list = page(get("/newsroom/stories/" + id + "/revisions").with(as(Role.EDITOR)));
        List<String> radios = list.select("input[name=a]").eachAttr("value");
        List<String> numbers = list.select("tbody tr td:nth-child(3)").eachText();
        assertThat(radios).hasSizeGreaterThanOrEqualTo(2);
        Document compared = page(get("/newsroom/stories/" + id + "/revisions/compare")
                .param("a", radios.get(1)).param("b", radios.get(0)).with(as(Role.EDITOR)));
        assertThat(compared.select("h1").text()).isEqualTo("Revision " + numbers.get(0) + " compared with revision " + numbers.get(1));
    }

    @Test
    void aPreviewSaysItIsNotPublishedAndItsShareButtonsDoNothing() throws Exception {
        long id = create(as(Role.CONTRIBUTOR, "c@example.org"), "Not out yet either");
        Document preview = page(get("/newsroom/stories/" + id + "/preview").with(as(Role.CONTRIBUTOR, "c@example.org")));
        assertThat(preview.select(".preview-banner").text()).isEqualTo("Preview — not published");
        assertThat(preview.select(".share a[href]")).isEmpty();
        assertThat(preview.select(".share button.share-link")).isNotEmpty().allMatch(b -> b.hasAttr("disabled"));
    }

    @Test
    void theConflictPageNamesWhoSavedAndMergesFieldByField() throws Exception {
        long id = create(as(Role.EDITOR), "The first headline");
        int opened = version(id);
        assertThat(mvc.perform(form(post("/newsroom/stories/" + id), "Their headline", "<p>Body.</p>",
                Map.of("standfirst", "Their standfirst.", "intent", "save", "version", String.valueOf(opened)))
                .with(as(Role.EDITOR, "them@example.org"))).andReturn().getResponse().getStatus()).isEqualTo(303);

        MockHttpServletResponse conflict = mvc.perform(form(post("/newsroom/stories/" + id), "My headline", "<p>Body.</p>",
                Map.of("standfirst", "My standfirst.", "intent", "save", "version", String.valueOf(opened)))
                .header("Accept-Language", "en").with(as(Role.EDITOR, "me@example.org"))).andReturn().getResponse();
        assertThat(conflict.getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(conflict.getContentAsString());
        assertThat(page.select("[role=alert]").text()).contains("them@example.org", "version " + version(id));
        assertThat(page.select(".conflict-field legend").eachText()).contains("Headline", "Standfirst")
                .doesNotContain("Text");
        assertThat(page.select("#headline").val()).isEqualTo("My headline");
        assertThat(page.select("input[name=theirs.standfirst]").val()).isEqualTo("Their standfirst.");
        assertThat(page.select("input[name=version]").val()).isEqualTo(String.valueOf(version(id)));

        MockHttpServletResponse merged = mvc.perform(form(post("/newsroom/stories/" + id), "My headline", "<p>Body.</p>",
                Map.of("standfirst", "My standfirst.", "intent", "merge", "version", String.valueOf(version(id)),
                        "pick.headline", "mine", "pick.standfirst", "theirs", "theirs.headline", "Their headline",
                        "theirs.standfirst", "Their standfirst.")).with(as(Role.EDITOR, "me@example.org")))
                .andReturn().getResponse();
        assertThat(merged.getStatus()).isEqualTo(200);
        Document form = Jsoup.parse(merged.getContentAsString());
        assertThat(form.select("#headline").val()).isEqualTo("My headline");
        assertThat(form.select("#standfirst").text()).isEqualTo("Their standfirst.");
        assertThat(form.select("#tags").val()).isEqualTo("trains, Valley news");
        assertThat(stories.find(id).orElseThrow().headline()).as("a merge saves nothing").isEqualTo("Their headline");

        assertThat(mvc.perform(form(post("/newsroom/stories/" + id), form.select("#headline").val(), "<p>Body.</p>",
                Map.of("standfirst", form.select("#standfirst").text(), "intent", "save",
                        "version", form.select("input[name=version]").val())).with(as(Role.EDITOR, "me@example.org")))
                .andReturn().getResponse().getStatus()).isEqualTo(303);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("My headline");
        assertThat(stories.find(id).orElseThrow().standfirst()).isEqualTo("Their standfirst.");
    }
}
