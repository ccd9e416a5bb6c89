package news.gazette.newsroom;

import news.gazette.newsroom.editor.EditorIntent;
import news.gazette.newsroom.editor.EditorScreen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.Map;

import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.story.Publishing;
import news.gazette.story.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A save changes what the person changed and nothing else, through the editor's form and through the API; restoring
 * a revision brings back every field it recorded, and asks first when the story is live; autosaves are kept compactly;
 * a story with a long history is deleted in steps. Run on H2 and PostgreSQL.
 */
abstract class SavesKeepEverythingContract extends EditorRequests {

    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired Publishing publishing;

    /** What a save must not take away, as stored. */
    record Kept(Long image, String imageAlt, long section, List<Long> tags, List<Long> authors, String source,
                boolean breaking) {
    }

    Kept kept(long id) {
        Story s = stories.find(id).orElseThrow();
        return new Kept(s.image() == null ? null : s.image().mediaId(), s.image() == null ? null : s.image().alt(),
                s.sectionId(),
                jdbc.sql("select tag_id from story_tags where story_id = ? order by tag_id").param(id).query(Long.class).list(),
                jdbc.sql("select author_id from story_authors where story_id = ? order by position").param(id).query(Long.class).list(),
                s.source() == null ? null : s.source().name(), s.breaking());
    }

    long richStory() throws Exception {
        long id = create(as(Role.EDITOR), "A story with everything");
        assertThat(status(form(post("/newsroom/stories/" + id), "A story with everything", "<p>Text.</p>",
                Map.of("sourceName", "The Valley Post", "sourceUrl", "https://valley.example/post", "breaking", "on",
                        "_flags", "1", "_authors", "1"))
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)))).isEqualTo(303);
        Kept before = kept(id);
        assertThat(before.image()).isEqualTo(image);
        assertThat(before.tags()).hasSize(2);
        assertThat(before.authors()).containsExactly(author);
        assertThat(before.source()).isEqualTo("The Valley Post");
        assertThat(before.breaking()).isTrue();
        return id;
    }

    String token(Role role) {
        Account account = accounts.create(role.name().toLowerCase() + "-saves@example.org", "Saves", "a long test password", role);
        return tokens.create(account.id(), "saves", null).secret();
    }

    @Test
    void aFormThatSendsOnlySomeFieldsChangesOnlyThose() throws Exception {
        long id = richStory();
        Kept before = kept(id);
        assertThat(status(post("/newsroom/stories/" + id).param("version", String.valueOf(version(id)))
                .param("headline", "Only the headline changed").with(as(Role.EDITOR)).with(csrf()))).isEqualTo(303);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Only the headline changed");
        assertThat(kept(id)).isEqualTo(before);
    }

    @Test
    void theEditorAlwaysOffersTheStorysOwnImageHoweverBusyTheLibrary() throws Exception {
        long id = richStory();
        for (int i = 0; i < EditorScreen.LIBRARY_CHOICES + 5; i++) {
            jdbc.sql("insert into media (file_name, content_type, width, height, created_at, alt_text, variant_widths, byte_size) "
                    + "values (?, 'image/jpeg', 800, 600, current_timestamp, ?, '', 10)").params("newer-" + i + ".jpg", "Newer " + i).update();
        }
        Document editor = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/edit").with(as(Role.EDITOR)))
                .andReturn().getResponse().getContentAsString());
        assertThat(editor.select("#image option[selected]").eachAttr("value")).containsExactly(String.valueOf(image));
    }

    @Test
    void anApiChangeKeepsWhatItDoesNotSendAndClearsWhatItSendsAsNull() throws Exception {
        long id = richStory();
        Kept before = kept(id);
        String token = token(Role.EDITOR);
        assertThat(mvc.perform(put("/newsroom/api/v1/stories/" + id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id) + ",\"headline\":\"Changed over the API\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Changed over the API");
        assertThat(kept(id)).isEqualTo(before);

        assertThat(mvc.perform(put("/newsroom/api/v1/stories/" + id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id) + ",\"imageId\":null,\"tags\":[]}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(kept(id).image()).isNull();
        assertThat(kept(id).tags()).isEmpty();
        assertThat(kept(id).authors()).isEqualTo(before.authors());

        assertThat(mvc.perform(put("/newsroom/api/v1/stories/" + id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id) + ",\"tags\":\"not a list\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void whatXmlCannotCarryNeverReachesAStory() throws Exception {
        long id = richStory();
        String token = token(Role.ADMIN);
        assertThat(mvc.perform(put("/newsroom/api/v1/stories/" + id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id)
                        + ",\"headline\":\"Flood\\u0001 warning\\u001b for the valley\",\"tags\":[\"Ri\\u0007ver\"]}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Flood warning for the valley");
        assertThat(jdbc.sql("select t.name from tags t join story_tags st on st.tag_id = t.id where st.story_id = ?")
                .param(id).query(String.class).list()).containsExactly("River");
        assertThat(status(form(post("/newsroom/stories/" + id), "Storm\u0001 front", "<p>Rain\u0000 today.</p>")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)))).isEqualTo(303);
        Story story = stories.find(id).orElseThrow();
        assertThat(story.headline()).isEqualTo("Storm front");
        assertThat(story.body()).contains("Rain today.");
    }

    @Test
    void restoringBringsBackEveryFieldAndAsksFirstWhenTheStoryIsLive() throws Exception {
        long id = richStory();
        Kept rich = kept(id);
        long richRevision = jdbc.sql("select max(id) from story_revisions where story_id = ?").param(id).query(Long.class).single();
        long otherSection = jdbc.sql("select id from sections where edition = 'en' and id <> ? order by position limit 1")
                .param(section).query(Long.class).single();
        assertThat(status(form(post("/newsroom/stories/" + id), "Stripped down", "<p>Less.</p>",
                Map.of("imageId", "", "tags", "", "sourceName", "", "sourceUrl", "", "sectionId", String.valueOf(otherSection),
                        "_flags", "1", "_authors", "1", "authors", String.valueOf(author)))
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)))).isEqualTo(303);
        assertThat(kept(id).image()).isNull();
        publishing.publish(id);

        var asks = mvc.perform(post("/newsroom/stories/" + id + "/revisions/" + richRevision + "/restore")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)).with(csrf())).andReturn().getResponse();
        assertThat(asks.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(asks.getContentAsString()).select("input[name=confirm]").attr("value"))
                .isEqualTo(EditorIntent.CONFIRM_LIVE);
        assertThat(stories.find(id).orElseThrow().headline()).as("nothing changed before the confirmation").isEqualTo("Stripped down");

        assertThat(status(post("/newsroom/stories/" + id + "/revisions/" + richRevision + "/restore")
                .param("version", String.valueOf(version(id))).param("confirm", EditorIntent.CONFIRM_LIVE)
                .with(as(Role.EDITOR)).with(csrf()))).isEqualTo(303);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("A story with everything");
        assertThat(kept(id)).isEqualTo(rich);
    }

    @Test
    void autosavesReplaceEachOtherAndALongHistoryIsDeletedInSteps() throws Exception {
        long id = create(as(Role.AUTHOR), "Written over an afternoon");
        int before = revisions(id);
        for (int i = 0; i < 12; i++) {
            assertThat(status(form(post("/newsroom/stories/" + id + "/autosave"), "Written over an afternoon", "<p>Draft " + i + "</p>")
                    .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR)))).isEqualTo(200);
        }
        assertThat(revisions(id)).as("twelve autosaves leave one revision").isEqualTo(before + 1);
        for (int i = 0; i < 12; i++) {
            assertThat(status(form(post("/newsroom/stories/" + id), "Written over an afternoon", "<p>Save " + i + "</p>")
                    .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR)))).isEqualTo(303);
        }
        assertThat(revisions(id)).isGreaterThan(12);
        publishing.delete(id);
        assertThat(stories.find(id)).isEmpty();
        assertThat(revisions(id)).isZero();
    }

    /**
     * The probe of issue 20 (item 2): an author saving bodies of about a megabyte as fast as they can. A body over the
     * limit is refused; past the account's save budget each save is refused with 429, the form given back with what
     * was written, so no account can grow the database without bound.
     */
    @Test
    void anAuthorFloodingLargeSavesIsHeldBackAndAnOversizedBodyIsRefused() throws Exception {
        var flooder = as(Role.AUTHOR, "flooder@example.org");
        long id = create(flooder, "Saved again and again");
        var oversized = mvc.perform(form(post("/newsroom/stories/" + id), "Saved again and again",
                "<p>" + "y".repeat(1_000_001) + "</p>").param("version", String.valueOf(version(id))).with(flooder))
                .andReturn().getResponse();
        assertThat(oversized.getStatus()).isEqualTo(400);

        String large = "<p>" + "x".repeat(900_000) + "</p>";
        int refusedAt = -1;
        String refusedPage = null;
        for (int i = 0; i < 40 && refusedAt < 0; i++) {
            var answer = mvc.perform(form(post("/newsroom/stories/" + id), "Saved again and again " + i, large)
                    .param("version", String.valueOf(version(id))).with(flooder)).andReturn().getResponse();
            if (answer.getStatus() == 429) {
                refusedAt = i;
                refusedPage = answer.getContentAsString();
            } else {
                assertThat(answer.getStatus()).as("save %s", i).isEqualTo(303);
            }
        }
        // Each such save spends 1.8 million of the 20 million characters (the body counts twice: HTML and blocks),
        // so the twelfth is refused; the budget refills over ten minutes, a little during the test.
        assertThat(refusedAt).as("saves of 900,000 characters taken before the budget refused one").isBetween(10, 12);
        assertThat(refusedPage).as("the form comes back with what was written")
                .contains("Saved again and again " + refusedAt);
        assertThat(status(form(post("/newsroom/stories/" + id), "Another account", "<p>Short.</p>")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR, "calm-editor@example.org"))))
                .as("another account is not held back").isEqualTo(303);
    }

    int revisions(long id) {
        return jdbc.sql("select count(*) from story_revisions where story_id = ?").param(id).query(Integer.class).single();
    }
}
