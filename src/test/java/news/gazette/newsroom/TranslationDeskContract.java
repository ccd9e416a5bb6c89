package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import news.gazette.account.TokenScope;
import news.gazette.story.Editing;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryEdit;
import news.gazette.story.StoryImports;
import news.gazette.story.TranslationMappings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The translation desk's screens and API: the section and tag mappings per pair of editions (view, set, remove; a
 * section that is not in the edition refused with a message and nothing stored) and "what is missing" per edition
 * (other editions' top stories without a translation, or with an outdated one, each with its step), on the screen and
 * through {@code GET /newsroom/api/v1/translations/missing}; editors and admins only.
 */
abstract class TranslationDeskContract extends AdministrationRequests {

    private static final String MAPPINGS = "/newsroom/translations/mappings";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TranslationMappings mappings;
    @Autowired StoryImports imports;
    @Autowired Editing editing;
    @Autowired Publishing publishing;

    @Test
    void onlyEditorsAndAdminsOpenAndChangeTheDeskOnScreenAndInTheApi() throws Exception {
        long en = sectionIn("en");
        long ru = sectionIn("ru");
        long hy = sectionIn("hy");
        checkTable(List.of(
                new Cell("mappings", w -> get(MAPPINGS + "?from=en&to=ru"), 403, 403, 200, 200),
                new Cell("mappings of the first pair", w -> get(MAPPINGS), 403, 403, 200, 200),
                new Cell("mappings of an unknown edition", w -> get(MAPPINGS + "?from=xx&to=ru"), 403, 403, 404, 404),
                new Cell("mappings within one edition", w -> get(MAPPINGS + "?from=ru&to=ru"), 403, 403, 400, 400),
                new Cell("map a section", w -> form(MAPPINGS + "/sections", "from", "en", "to", "ru",
                        "section", String.valueOf(en), "target", String.valueOf(ru)), 403, 403, 303, 303),
                new Cell("forget a section's mapping", w -> form(MAPPINGS + "/sections", "from", "en", "to", "ru",
                        "section", String.valueOf(en), "target", ""), 403, 403, 303, 303),
                new Cell("map to a section that does not exist", w -> form(MAPPINGS + "/sections", "from", "en",
                        "to", "ru", "section", String.valueOf(en), "target", "987654321"), 403, 403, 400, 400),
                new Cell("map to another edition's section", w -> form(MAPPINGS + "/sections", "from", "en",
                        "to", "ru", "section", String.valueOf(en), "target", String.valueOf(hy)), 403, 403, 400, 400),
                new Cell("map a section of another edition", w -> form(MAPPINGS + "/sections", "from", "en",
                        "to", "ru", "section", String.valueOf(hy), "target", String.valueOf(ru)), 403, 403, 400, 400),
                new Cell("map a malformed section", w -> form(MAPPINGS + "/sections", "from", "en", "to", "ru",
                        "section", "abc", "target", "1x"), 403, 403, 400, 400),
                new Cell("map a tag", w -> form(MAPPINGS + "/tags", "from", "en", "to", "ru", "tag", "Trains",
                        "target", "поезда"), 403, 403, 303, 303),
                new Cell("map no tag", w -> form(MAPPINGS + "/tags", "from", "en", "to", "ru", "tag", " ",
                        "target", "поезда"), 403, 403, 400, 400),
                new Cell("map a tag into its own edition", w -> form(MAPPINGS + "/tags", "from", "hy", "to", "hy",
                        "tag", "x", "target", "y"), 403, 403, 400, 400),
                new Cell("what is missing", w -> get("/newsroom/translations/missing?edition=ru"), 403, 403, 200, 200),
                new Cell("what is missing, unknown edition", w -> get("/newsroom/translations/missing?edition=xx"),
                        403, 403, 404, 404)));
        checkApiTable(List.of(
                new Cell("missing", w -> get(API + "/translations/missing?edition=hy"), 403, 403, 200, 200),
                new Cell("missing without an edition", w -> get(API + "/translations/missing"), 403, 403, 400, 400),
                new Cell("missing of an unknown edition", w -> get(API + "/translations/missing?edition=xx"),
                        403, 403, 400, 400)));
        String writeOnly = apiTokens.create(people.get(Who.EDITOR).id(), "write only", null, Set.of(TokenScope.WRITE))
                .secret();
        assertThat(mvc.perform(get(API + "/translations/missing?edition=ru")
                .header("Authorization", "Bearer " + writeOnly)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aMappingToASectionThatDoesNotExistIsRefusedInWordsAndASetMappingIsUsedUntilRemoved() throws Exception {
        long en = sectionIn("en");
        List<Long> ruSections = jdbc.sql("select id from sections where edition = 'ru' order by position")
                .query(Long.class).list();
        long target = ruSections.get(ruSections.size() - 1);
        mappings.mapSection("en", en, "ru", null, "test");

        MockHttpServletResponse refused = mvc.perform(as(Who.EDITOR, form(MAPPINGS + "/sections", "from", "en",
                "to", "ru", "section", String.valueOf(en), "target", "987654321")).header("Accept-Language", "ru"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        Document again = Jsoup.parse(refused.getContentAsString());
        assertThat(again.select("p.notice[role=alert]").text()).contains("В выпуске ru такого раздела нет");
        assertThat(again.select("tr[data-section=" + en + "] select option")).isNotEmpty();
        assertThat(mappings.sections("en", "ru")).doesNotContainKey(en);

        assertThat(mvc.perform(as(Who.EDITOR, form(MAPPINGS + "/sections", "from", "en", "to", "ru",
                "section", String.valueOf(en), "target", String.valueOf(target)))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo(MAPPINGS + "?from=en&to=ru&saved=1");
        Document saved = page(MAPPINGS + "?from=en&to=ru&saved=1", "en");
        assertThat(saved.select("[role=status]").text()).contains("The mapping is saved.");
        assertThat(saved.select("tr[data-section=" + en + "]").attr("data-mapped")).isEqualTo(String.valueOf(target));
        assertThat(saved.select("tr[data-section=" + en + "] option[selected]").val()).isEqualTo(String.valueOf(target));
        assertThat(audit.latest(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("translation.mapping");
            assertThat(e.subject()).isEqualTo("section:" + en);
        });
        long source = imports.bring(NewStory.builder("en", en).headline("Mapped " + UUID.randomUUID())
                .body("<p>Text.</p>").published(Instant.now().minusSeconds(60)).build(), "test");
        MockHttpServletResponse made = mvc.perform(as(Who.EDITOR, form("/newsroom/stories/" + source + "/translate",
                "edition", "ru"))).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(303);
        long translation = Long.parseLong(made.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
        assertThat(stories.find(translation).orElseThrow().sectionId()).isEqualTo(target);

        assertThat(status(Who.ADMIN, form(MAPPINGS + "/sections", "from", "en", "to", "ru", "section",
                String.valueOf(en), "target", ""))).isEqualTo(303);
        assertThat(page(MAPPINGS + "?from=en&to=ru", "en").select("tr[data-section=" + en + "]").attr("data-mapped"))
                .isEmpty();

        assertThat(status(Who.EDITOR, form(MAPPINGS + "/tags", "from", "en", "to", "hy", "tag", "Night Trains",
                "target", "գիշերային գնացքներ"))).isEqualTo(303);
        Document tags = page(MAPPINGS + "?from=en&to=hy", "hy");
        assertThat(tags.select("tr[data-tag='night trains'] td").eachText()).startsWith("night trains",
                "գիշերային գնացքներ");
        assertThat(status(Who.EDITOR, form(MAPPINGS + "/tags", "from", "en", "to", "hy", "tag", "night trains",
                "target", ""))).isEqualTo(303);
        assertThat(page(MAPPINGS + "?from=en&to=hy", "hy").select("tr[data-tag='night trains']")).isEmpty();
        assertThat(mappings.tags("en", "hy")).doesNotContainKey("night trains");
    }

    @Test
    void whatIsMissingListsATopStoryUntilTranslatedAndAgainWhenItsTranslationIsOutdated() throws Exception {
        long section = sectionIn("en");
        String headline = "Ferry timetable " + UUID.randomUUID();
        long source = imports.bring(NewStory.builder("en", section).headline(headline).body("<p>Boats leave at nine.</p>")
                .featured(true).published(Instant.now().minusSeconds(600)).build(), "test");

        Document before = page("/newsroom/translations/missing?edition=hy", "en");
        assertThat(before.select("tr[data-story=" + source + "]").attr("data-state")).isEqualTo("not-translated");
        assertThat(before.select("tr[data-story=" + source + "] form").attr("action"))
                .isEqualTo("/newsroom/stories/" + source + "/translate");
        assertThat(before.select("tr[data-story=" + source + "] input[name=edition]").val()).isEqualTo("hy");
        assertThat(missing("hy")).anySatisfy(row -> {
            assertThat(row.get("storyId").asLong()).isEqualTo(source);
            assertThat(row.get("state").asString()).isEqualTo("not-translated");
            assertThat(row.get("reason").asString()).isEqualTo("top");
            assertThat(row.get("translationId").isNull()).isTrue();
        });

        MockHttpServletResponse made = mvc.perform(as(Who.EDITOR, form("/newsroom/stories/" + source + "/translate",
                "edition", "hy"))).andReturn().getResponse();
        long translation = Long.parseLong(made.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
        long russian = editing.translate(source, "ru", StoryActor.system("test"));
        editing.save(russian, stories.find(russian).orElseThrow().version(), StoryEdit.builder()
                .headline("Расписание паромов").featured(true).build(), StoryActor.system("test"));
        publishing.publish(russian, StoryActor.system("test"));
        assertThat(page("/newsroom/translations/missing?edition=hy", "en").select("tr[data-story=" + source + "], "
                + "tr[data-story=" + russian + "]")).as("a draft translation is under way").isEmpty();

        editing.revise(source, headline, "", "<p>Boats leave at ten.</p>");
        Document outdated = page("/newsroom/translations/missing?edition=hy", "en");
        assertThat(outdated.select("tr[data-story=" + source + "], tr[data-story=" + russian + "]"))
                .as("the story and its Russian version count once").hasSize(1);
        assertThat(outdated.select("tr[data-story=" + source + "]").attr("data-state")).isEqualTo("outdated");
        assertThat(outdated.select("tr[data-story=" + source + "] a[href$=#translation]").attr("href"))
                .isEqualTo("/newsroom/stories/" + translation + "/edit#translation");
        assertThat(missing("hy")).anySatisfy(row -> {
            assertThat(row.get("storyId").asLong()).isEqualTo(source);
            assertThat(row.get("state").asString()).isEqualTo("outdated");
            assertThat(row.get("translationId").asLong()).isEqualTo(translation);
        });

        assertThat(status(Who.EDITOR, form("/newsroom/stories/" + translation + "/translation/up-to-date")))
                .isEqualTo(303);
        assertThat(page("/newsroom/translations/missing?edition=hy", "en").select("tr[data-story=" + source + "]"))
                .isEmpty();
        assertThat(missing("hy")).noneSatisfy(row -> assertThat(row.get("storyId").asLong()).isEqualTo(source));
    }

    @Test
    void theDemoShowsAStoryOutdatedInOneOfThreeEditionsAndACorrectionCarriedIntoEachEdition() throws Exception {
        long source = jdbc.sql("select id from stories where edition = 'en' and headline like 'Aragats snowfields%'")
                .query(Long.class).single();
        long armenian = jdbc.sql("select id from stories where edition = 'hy' and translation_group = "
                + "(select translation_group from stories where id = ?)").param(source).query(Long.class).single();
        Document panel = page("/newsroom/stories/" + armenian + "/translation", "en");
        assertThat(panel.select("tr[data-edition]").eachAttr("data-state"))
                .containsExactly("published", "published", "outdated");
        assertThat(panel.select(".source-changes ins").text()).contains("regional water authority");
        assertThat(panel.select(".source-changes del").text()).isEmpty();

        List<String> notes = jdbc.sql("select s.edition || ':' || n.kind || ':' || case when n.carries_note_id is null then 'own' else 'carried' end "
                + "from story_notes n join stories s on s.id = n.story_id where s.translation_group = (select "
                + "translation_group from stories where edition = 'en' and headline like 'Yerevan%libraries%') "
                + "order by s.edition").query(String.class).list();
        assertThat(notes).containsExactly("en:correction:own", "hy:correction:carried", "ru:correction:carried");
        for (String edition : List.of("en", "ru", "hy")) {
            String page = mvc.perform(get("/" + edition + "/corrections")).andReturn().getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(page).select(".corrections-list li")).as(edition).isNotEmpty();
        }
    }

    private Document page(String path, String language) throws Exception {
        MockHttpServletResponse page = mvc.perform(as(Who.EDITOR, get(path)).header("Accept-Language", language))
                .andReturn().getResponse();
        assertThat(page.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString());
    }

    private List<JsonNode> missing(String edition) throws Exception {
        MockHttpServletResponse answer = mvc.perform(api(Who.EDITOR, get(API + "/translations/missing?edition="
                + edition))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.getContentAsString());
        assertThat(body.get("edition").asString()).isEqualTo(edition);
        List<JsonNode> rows = new java.util.ArrayList<>();
        body.get("stories").forEach(rows::add);
        return rows;
    }
}
