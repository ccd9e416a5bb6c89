package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import news.gazette.section.Section;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The admin screens of issue 22: the audit log's pages and filters with actions in words, sections kept out of the
 * reader site's menu, and the newsroom speaking the account's chosen language while the reader site keeps its own.
 */
abstract class AdminScreensContract extends AdministrationRequests {

    private final String marker = "actor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    @Test
    void theAuditLogFiltersByPersonActionAndDateAndSpeaksInWords() throws Exception {
        audit.record(marker, "story.publish", "story:1", "One", "10.0.0.1");
        audit.record(marker, "section.move", "section:2", "-1", "10.0.0.1");
        audit.record("someone-else@example.org", "story.publish", "story:3", "Three", "10.0.0.1");
        jdbc.sql("update audit_log set at = ? where actor = ? and action = ?")
                .params(OffsetDateTime.now().minusDays(40), marker, "section.move").update();

        Document byPerson = page("/newsroom/audit?actor=" + marker, "en");
        assertThat(byPerson.select("table.audit-log tbody tr")).hasSize(2);
        assertThat(byPerson.select("table.audit-log tbody td").eachText()).contains("published", "moved a section")
                .doesNotContain("story.publish");
        Document byAction = page("/newsroom/audit?actor=" + marker + "&action=story.publish", "en");
        assertThat(byAction.select("table.audit-log tbody tr")).hasSize(1);
        String recent = java.time.LocalDate.now().minusDays(10).toString();
        Document byDate = page("/newsroom/audit?actor=" + marker + "&from=" + recent, "en");
        assertThat(byDate.select("table.audit-log tbody td").eachText()).contains("published")
                .doesNotContain("moved a section");
        Document old = page("/newsroom/audit?actor=" + marker + "&to=" + recent, "en");
        assertThat(old.select("table.audit-log tbody td").eachText()).contains("moved a section")
                .doesNotContain("published");
        Document russian = page("/newsroom/audit?actor=" + marker + "&action=story.publish", "ru");
        assertThat(russian.select("table.audit-log tbody td").eachText()).contains("опубликовал(а)");
        assertThat(russian.select("#audit-action option[selected]").text()).isEqualTo("опубликовал(а)");
    }

    @Test
    void theAuditLogPagesFiftyAtATime() throws Exception {
        for (int i = 0; i < 55; i++) {
            audit.record(marker, "story.create", "story:" + i, "n" + i, null);
        }
        Document first = page("/newsroom/audit?actor=" + marker, "en");
        assertThat(first.select("table.audit-log tbody tr")).hasSize(50);
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("page=2").contains("actor=");
        Document second = Jsoup.parse(mvc.perform(as(Who.ADMIN, get(java.net.URI.create(next)))).andReturn()
                .getResponse().getContentAsString());
        assertThat(second.select("table.audit-log tbody tr")).hasSize(5);
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(status(Who.ADMIN, get("/newsroom/audit?page=zero"))).isEqualTo(400);
        assertThat(status(Who.ADMIN, get("/newsroom/audit?from=yesterday"))).isEqualTo(400);
        assertThat(status(Who.EDITOR, get("/newsroom/audit?actor=" + marker))).isEqualTo(403);
    }

    @Test
    void aSectionKeptOutOfTheMenuLeavesTheReaderSiteMenuButKeepsItsPage() throws Exception {
        Section section = sections.append("en", "hidden-" + UUID.randomUUID().toString().substring(0, 8),
                "Hidden " + marker.substring(6, 14), "");
        String href = "/en/" + section.slug() + "/";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reader("/en/").select("nav.sections a")
                .eachAttr("href")).anyMatch(h -> h.contains(section.slug())));

        assertThat(status(Who.CONTRIBUTOR, form("/newsroom/sections/" + section.id() + "/menu", "shown", "false")))
                .isEqualTo(403);
        assertThat(status(Who.EDITOR, form("/newsroom/sections/" + section.id() + "/menu", "shown", "maybe")))
                .isEqualTo(400);
        assertThat(status(Who.EDITOR, form("/newsroom/sections/" + section.id() + "/menu", "shown", "false")))
                .isEqualTo(303);
        assertThat(sections.byId(section.id()).orElseThrow().inMenu()).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document front = reader("/en/");
            assertThat(front.select("nav.sections a, .footer-sections a").eachAttr("href"))
                    .noneMatch(h -> h.contains(section.slug()));
            assertThat(reader("/en/menu").select(".menu-list a").eachAttr("href")).noneMatch(h -> h.contains(section.slug()));
        });
        assertThat(mvc.perform(get(href)).andReturn().getResponse().getStatus()).isEqualTo(200);
        Document screen = Jsoup.parse(mvc.perform(as(Who.EDITOR, get("/newsroom/sections?edition=en"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(screen.select("form[action='/newsroom/sections/" + section.id() + "/menu'] input[name=shown]").val())
                .isEqualTo("true");

        assertThat(status(Who.EDITOR, form("/newsroom/sections/" + section.id() + "/menu", "shown", "true")))
                .isEqualTo(303);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reader("/en/").select("nav.sections a")
                .eachAttr("href")).anyMatch(h -> h.contains(section.slug())));
    }

    @Test
    void theNewsroomSpeaksTheAccountsLanguageAndTheReaderSiteItsEditions() throws Exception {
        assertThat(page("/newsroom", "en").select("h1").text()).isEqualTo("Newsroom desk");
        assertThat(page("/newsroom", "hy").select("html").attr("lang")).isEqualTo("hy");
        assertThat(status(Who.ADMIN, form("/newsroom/account", "language", "de"))).isEqualTo(400);
        assertThat(status(Who.ADMIN, form("/newsroom/account", "language", "ru"))).isEqualTo(303);
        Document desk = page("/newsroom", "en");
        assertThat(desk.select("html").attr("lang")).isEqualTo("ru");
        assertThat(desk.select("h1").text()).isNotEqualTo("Newsroom desk");
        assertThat(page("/newsroom/account", "en").select("#language option[selected]").val()).isEqualTo("ru");
        var reader = mvc.perform(as(Who.ADMIN, get("/en/")).header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(Jsoup.parse(reader.getContentAsString()).select("html").attr("lang")).isEqualTo("en");
        assertThat(status(Who.ADMIN, form("/newsroom/account", "language", ""))).isEqualTo(303);
        assertThat(page("/newsroom", "en").select("html").attr("lang")).isEqualTo("en");
        List<String> actions = jdbc.sql("select action from audit_log where actor = ? and action = 'account.language'")
                .param(people.get(Who.ADMIN).email()).query(String.class).list();
        assertThat(actions).as("the two changes, not the refused one").hasSize(2);
    }

    private Document page(String path, String language) throws Exception {
        var response = mvc.perform(as(Who.ADMIN, get(path)).header("Accept-Language", language)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private Document reader(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
    }
}
