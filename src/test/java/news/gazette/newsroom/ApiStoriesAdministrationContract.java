package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;

import news.gazette.account.Account;
import news.gazette.story.Stories;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;

/**
 * Stories through the newsroom API: scripts write, schedule, translate, publish and delete them under the same rules
 * as the editor's screens. Run on H2 and PostgreSQL.
 */
abstract class ApiStoriesAdministrationContract extends AdministrationRequests {

    @org.springframework.beans.factory.annotation.Autowired org.springframework.context.MessageSource messages;

    @Test
    void scriptsWriteStoriesThroughTheApiUnderTheEditorsRules() throws Exception {
        long section = sectionIn("en");
        var created = mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":"
                + section + ",\"headline\":\"Ferry timetable changes\",\"standfirst\":\"A summer schedule\","
                + "\"bodyHtml\":\"<p>Boats leave <b>hourly</b>.</p><script>alert(1)</script><p onclick=\\\"x()\\\">Hi</p>\"}"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String body = created.getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(created.getHeader("Location")).isEqualTo(API + "/stories/" + id);
        assertThat(body).contains("\"status\":\"draft\"").contains("\"version\":").doesNotContain("<script")
                .doesNotContain("onclick").contains("<b>hourly</b>");
        int version = jdbc.sql("select version from stories where id = ?").param(id).query(Integer.class).single();
        String change = "{\"version\":" + version + ",\"sectionId\":" + section + ",\"headline\":\"Ferry timetable changes again\","
                + "\"standfirst\":\"A summer schedule\",\"bodyHtml\":\"<p>Boats leave every half hour.</p>\"}";

        assertThat(mvc.perform(api(Who.AUTHOR, put(API + "/stories/" + id)).content(change)).andReturn().getResponse()
                .getStatus()).as("someone else's draft").isEqualTo(403);
        var saved = mvc.perform(api(Who.CONTRIBUTOR, put(API + "/stories/" + id)).content(change)).andReturn().getResponse();
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("every half hour").contains("\"version\":" + (version + 1));
        var stale = mvc.perform(api(Who.EDITOR, put(API + "/stories/" + id)).header("Accept-Language", "ru")
                .content(change)).andReturn().getResponse();
        assertThat(stale.getStatus()).as("a save at an old version").isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
        assertThat(stale.getContentAsString()).contains("версия " + (version + 1));
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Ferry timetable changes again");

        for (var bad : List.of(api(Who.CONTRIBUTOR, put(API + "/stories/" + id)).content("{\"headline\":"),
                api(Who.CONTRIBUTOR, put(API + "/stories/" + id)).content("{\"sectionId\":" + section + "}"),
                api(Who.CONTRIBUTOR, post(API + "/stories")).content("{\"edition\":\"xx\",\"sectionId\":1}"),
                api(Who.CONTRIBUTOR, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":" + section
                        + ",\"headline\":\"" + "x".repeat(400) + "\"}"))) {
            var refused = mvc.perform(bad).andReturn().getResponse();
            assertThat(refused.getStatus()).as(refused.getContentAsString()).isBetween(400, 404);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
        }
        assertThat(mvc.perform(api(Who.EDITOR, put(API + "/stories/987654321")).content(change)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);

        assertThat(mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/publish"))).andReturn().getResponse()
                .getStatus()).as("contributors do not publish").isEqualTo(403);
        var submitted = mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/submit"))).andReturn().getResponse();
        assertThat(submitted.getContentAsString()).contains("\"status\":\"in_review\"");
        int reviewVersion = jdbc.sql("select version from stories where id = ?").param(id).query(Integer.class).single();
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, put(API + "/stories/" + id))
                .content(change.replace("\"version\":" + version, "\"version\":" + reviewVersion))).andReturn().getResponse()
                .getStatus()).as("a contributor's story once submitted").isEqualTo(403);
        assertThat(mvc.perform(api(Who.EDITOR, post(API + "/stories/" + id + "/publish"))).andReturn().getResponse()
                .getContentAsString()).contains("\"status\":\"published\"");
        assertThat(audit.latest(20)).anySatisfy(e -> assertThat(e.action()).isEqualTo("story.create"));
    }

    @Test
    void scriptsScheduleTranslateAndReadRevisionsThroughTheApi() throws Exception {
        long section = sectionIn("en");
        var created = mvc.perform(api(Who.AUTHOR, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":"
                + section + ",\"headline\":\"Lighthouse keepers return\",\"standfirst\":\"A coastal job comes back\","
                + "\"bodyHtml\":\"<p>The lamp is lit again.</p>\"}")).andReturn().getResponse();
        long id = Long.parseLong(created.getContentAsString().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        var revisions = mvc.perform(api(Who.CONTRIBUTOR, get(API + "/stories/" + id + "/revisions"))).andReturn().getResponse();
        assertThat(revisions.getStatus()).isEqualTo(200);
        assertThat(revisions.getContentAsString()).contains("Lighthouse keepers return").contains("\"storyVersion\":");
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, get(API + "/stories/987654321/revisions"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);

        String later = "{\"at\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(2)) + "\"}";
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/schedule")).content(later))
                .andReturn().getResponse().getStatus()).as("contributors do not schedule").isEqualTo(403);
        for (String bad : List.of("{\"at\":\"2001-01-01T00:00:00Z\"}", "{\"at\":\"next tuesday\"}", "{}")) {
            var refused = mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + id + "/schedule")).content(bad))
                    .andReturn().getResponse();
            assertThat(refused.getStatus()).as(bad).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
        }
        var scheduled = mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + id + "/schedule")).content(later))
                .andReturn().getResponse();
        assertThat(scheduled.getContentAsString()).as("the author's own story").contains("\"status\":\"scheduled\"");

        var translated = mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/translations"))
                .content("{\"edition\":\"ru\"}")).andReturn().getResponse();
        assertThat(translated.getStatus()).as(translated.getContentAsString()).isEqualTo(201);
        assertThat(translated.getContentAsString()).contains("\"edition\":\"ru\"").contains("\"status\":\"draft\"");
        long translation = Long.parseLong(translated.getContentAsString().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(stories.find(translation).orElseThrow().translationGroup())
                .isEqualTo(stories.find(id).orElseThrow().translationGroup()).isNotNull();
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/translations"))
                .content("{\"edition\":\"xx\"}")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aScheduleTimeThatHasPassedIsRefusedInTheCallersLanguageAndChangesNothing() throws Exception {
        long section = sectionIn("en");
        var created = mvc.perform(api(Who.EDITOR, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":"
                + section + ",\"headline\":\"Harbour cranes idle\",\"bodyHtml\":\"<p>Quiet docks.</p>\"}"))
                .andReturn().getResponse();
        long id = Long.parseLong(created.getContentAsString().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        int version = stories.find(id).orElseThrow().version();
        String passed = java.time.Instant.now().minus(java.time.Duration.ofMinutes(5))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

        for (String lang : List.of("en", "ru", "hy")) {
            var refused = mvc.perform(api(Who.EDITOR, post(API + "/stories/" + id + "/schedule"))
                    .header("Accept-Language", lang).content("{\"at\":\"" + passed + "\"}")).andReturn().getResponse();
            assertThat(refused.getStatus()).as(lang).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            String expected = messages.getMessage("newsroom.problem.schedule-past", new Object[] {passed},
                    java.util.Locale.forLanguageTag(lang));
            assertThat(refused.getContentAsString()).as(lang).contains(passed).contains(expected);
        }
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(stories.find(id).orElseThrow().version()).as("nothing saved").isEqualTo(version);

        String later = java.time.Instant.now().plus(java.time.Duration.ofHours(3)).toString();
        var scheduled = mvc.perform(api(Who.EDITOR, post(API + "/stories/" + id + "/schedule"))
                .content("{\"at\":\"" + later + "\"}")).andReturn().getResponse();
        assertThat(scheduled.getStatus()).as(scheduled.getContentAsString()).isEqualTo(200);
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.SCHEDULED);
    }

    @Test
    void anAuthorPublishesUnpublishesAndDeletesTheirOwnStoriesOnly() throws Exception {
        Account owner = people.get(Who.AUTHOR);
        long profile = authorIn("ru");
        authors.linkAccount(profile, owner.id());
        List<Long> own = jdbc.sql("select sa.story_id from story_authors sa join stories s on s.id = sa.story_id "
                + "where sa.author_id = ? and s.status = 'published' order by sa.story_id").param(profile).query(Long.class).list();
        assertThat(own).hasSizeGreaterThanOrEqualTo(2);
        assertThat(mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + own.get(0) + "/unpublish"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(stories.find(own.get(0)).orElseThrow().status()).isEqualTo(StoryStatus.UNPUBLISHED);
        var again = mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + own.get(0) + "/unpublish"))
                .header("Accept-Language", "hy")).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("\"detail\":\"Նյութի ներկա վիճակում");
        assertThat(mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + own.get(0) + "/publish"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(api(Who.AUTHOR, delete(API + "/stories/" + own.get(1)))).andReturn()
                .getResponse().getStatus()).isEqualTo(204);
        assertThat(stories.find(own.get(1))).isEmpty();
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("story.delete");
            assertThat(e.actor()).isEqualTo(owner.email());
        });
    }
}
