package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.UUID;

import news.gazette.account.Account;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The newsroom's screens for sections, tags and author profiles: what each role may do there, and what each change
 * does. Run on H2 and PostgreSQL.
 */
abstract class CatalogueAdministrationContract extends AdministrationRequests {

    @Test
    void editorsAndAdminsManageSectionsTagsAndAuthorProfiles() throws Exception {
        long section = sectionIn("en");
        long author = authorIn("en");
        checkTable(List.of(
                new Cell("list sections", w -> get("/newsroom/sections?edition=ru"), 403, 403, 200, 200),
                new Cell("unknown edition", w -> get("/newsroom/sections?edition=xx"), 403, 403, 404, 404),
                new Cell("create section", w -> form("/newsroom/sections", "edition", "en", "slug",
                        "s-" + UUID.randomUUID().toString().substring(0, 8), "name", "New", "description", "Fresh"), 403, 403, 303, 303),
                new Cell("describe section", w -> form("/newsroom/sections/" + section, "name", "World",
                        "description", "News from everywhere"), 403, 403, 303, 303),
                new Cell("move section", w -> form("/newsroom/sections/" + section + "/move", "direction", "down"), 403, 403, 303, 303),
                new Cell("delete an empty section", w -> form("/newsroom/sections/" + (w.ordinal() >= 3 ? emptySection() : section)
                        + "/delete"), 403, 403, 303, 303),
                new Cell("delete a section with stories", w -> form("/newsroom/sections/" + section + "/delete"), 403, 403, 409, 409),
                new Cell("unknown section", w -> form("/newsroom/sections/987654321", "name", "X"), 403, 403, 404, 404),
                new Cell("malformed section id", w -> form("/newsroom/sections/x1/delete"), 403, 403, 404, 404),
                new Cell("list tags", w -> get("/newsroom/tags?edition=hy"), 403, 403, 200, 200),
                new Cell("rename tag", w -> form("/newsroom/tags/" + newTag(), "name", "Renamed"), 403, 403, 303, 303),
                new Cell("merge tag", w -> form("/newsroom/tags/" + newTag() + "/merge", "into", String.valueOf(newTag())), 403, 403, 303, 303),
                new Cell("merge into itself", w -> { long t = newTag(); return form("/newsroom/tags/" + t + "/merge", "into", String.valueOf(t)); }, 403, 403, 400, 400),
                new Cell("merge into nonsense", w -> form("/newsroom/tags/" + newTag() + "/merge", "into", "abc"), 403, 403, 400, 400),
                new Cell("delete tag", w -> form("/newsroom/tags/" + newTag() + "/delete"), 403, 403, 303, 303),
                new Cell("unknown tag", w -> form("/newsroom/tags/987654321/delete"), 403, 403, 404, 404),
                new Cell("list authors", w -> get("/newsroom/authors?edition=en"), 403, 403, 200, 200),
                new Cell("create author", w -> form("/newsroom/authors", "edition", "en", "slug",
                        "a-" + UUID.randomUUID().toString().substring(0, 8), "name", "Ann Other", "bio", "Writes."), 403, 403, 303, 303),
                new Cell("edit author", w -> form("/newsroom/authors/" + author, "slug", authors.byId(author).orElseThrow().slug(),
                        "name", "Renamed Author", "bio", "Line one\nline two"), 403, 403, 303, 303),
                new Cell("author with a photo that does not exist", w -> form("/newsroom/authors/" + author, "slug", "x",
                        "name", "X", "photoId", "987654321"), 403, 403, 400, 400),
                new Cell("author with a malformed account id", w -> form("/newsroom/authors/" + author, "slug", "x",
                        "name", "X", "accountId", "me"), 403, 403, 400, 400),
                new Cell("unknown author", w -> form("/newsroom/authors/987654321", "slug", "x", "name", "X"), 403, 403, 404, 404)));
    }

    @Test
    void aSectionWithStoriesIsKeptWithAClearMessageAndAnEmptyOneGoes() throws Exception {
        long section = sectionIn("ru");
        MvcResult refused = mvc.perform(as(Who.EDITOR, form("/newsroom/sections/" + section + "/delete"))
                .header("Accept-Language", "en")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("p.notice[role=alert]").text())
                .contains("still holds").contains("move or delete them first");
        assertThat(sections.byId(section)).isPresent();
        long empty = emptySection();
        assertThat(status(Who.EDITOR, form("/newsroom/sections/" + empty + "/delete"))).isEqualTo(303);
        assertThat(sections.byId(empty)).isEmpty();
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("section.delete");
            assertThat(e.subject()).isEqualTo("section:" + empty);
        });
    }

    @Test
    void renamingASectionReachesReadersAtOnceThroughTheCache() throws Exception {
        mvc.perform(get("/en/")).andReturn();
        assertThat(mvc.perform(get("/en/")).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        long section = sectionIn("en");
        String name = "Renamed " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(status(Who.EDITOR, form("/newsroom/sections/" + section, "name", name, "description", "Fresh"))).isEqualTo(303);
        var front = mvc.perform(get("/en/")).andReturn().getResponse();
        assertThat(front.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(front.getContentAsString()).contains(name);
    }

    @Test
    void mergingTagsMovesTheirStoriesAndRefusedFormsKeepTheirText() throws Exception {
        long from = tagIn("en");
        long into = newTag();
        long stories = jdbc.sql("select count(*) from story_tags where tag_id = ?").param(from).query(Long.class).single();
        assertThat(status(Who.EDITOR, form("/newsroom/tags/" + from + "/merge", "into", String.valueOf(into)))).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from story_tags where tag_id = ?").param(into).query(Long.class).single())
                .isEqualTo(stories);
        assertThat(jdbc.sql("select count(*) from tags where id = ?").param(from).query(Long.class).single()).isZero();
        long other = jdbc.sql("select id from tags where edition = 'ru' order by id limit 1").query(Long.class).single();
        assertThat(status(Who.EDITOR, form("/newsroom/tags/" + into + "/merge", "into", String.valueOf(other))))
                .as("across editions").isEqualTo(400);
        MvcResult tooLong = mvc.perform(as(Who.EDITOR, form("/newsroom/tags/" + into, "name", "x".repeat(121)))).andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(tooLong.getResponse().getContentAsString()).select("#name-" + into).val()).isEqualTo("x".repeat(121));
        assertThat(audit.latest(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("tag.merge"));
    }

    @Test
    void anAuthorProfileLinksToAnAccount() throws Exception {
        long author = authorIn("hy");
        Account owner = people.get(Who.AUTHOR);
        var profile = authors.byId(author).orElseThrow();
        assertThat(status(Who.EDITOR, form("/newsroom/authors/" + author, "slug", profile.slug(), "name", profile.name(),
                "bio", profile.bio(), "accountId", String.valueOf(owner.id())))).isEqualTo(303);
        assertThat(authors.byId(author).orElseThrow().accountId()).isEqualTo(owner.id());
        long story = jdbc.sql("select story_id from story_authors where author_id = ? limit 1").param(author)
                .query(Long.class).single();
        assertThat(authors.inBylineOf(story, owner.id())).isTrue();
        assertThat(authors.inBylineOf(story, people.get(Who.EDITOR).id())).isFalse();
        String taken = authors.inEdition("hy").stream().filter(a -> a.id() != author).findFirst().orElseThrow().slug();
        assertThat(status(Who.EDITOR, form("/newsroom/authors/" + author, "slug", taken, "name", "X"))).isEqualTo(409);
    }
}
