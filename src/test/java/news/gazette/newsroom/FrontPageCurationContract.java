package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import news.gazette.pagecache.PageCache;
import news.gazette.platform.SiteProperties;
import news.gazette.story.FrontArrangement;
import news.gazette.story.FrontSlots;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import news.gazette.support.MovableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Front pages arranged by editors ({@code FrontPageScreen}, {@code FrontSlots}, {@code FrontArrangement}): who may,
 * what readers and the API then see, each story once in the main blocks, pins that run out on a moved clock, stories
 * that drop out when unpublished or deleted, and purges of exactly the edition's front page. Run against H2 and
 * PostgreSQL by its subclasses.
 */
@Import(FrontPageCurationContract.MovedClock.class)
@TestPropertySource(properties = "gazette.front.pin-check-interval=1h")
abstract class FrontPageCurationContract extends AdministrationRequests {

    static final MovableClock CLOCK = new MovableClock(Instant.now());

    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        @Primary
        Clock movedClock() {
            return CLOCK;
        }
    }

    @Autowired FrontArrangement arrangement;
    @Autowired FrontSlots slots;
    @Autowired StoryImports imports;
    @Autowired Publishing publishing;
    @Autowired SiteProperties site;

    @Autowired PageCache pageCache;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Each test starts from a front page nobody arranged, and no page kept from another test. */
    @BeforeEach
    void noArrangement() {
        jdbc.sql("delete from front_slots").update();
        pageCache.purgeAll();
    }

    long story(String edition, String headline, Duration ago) {
        return imports.bring(NewStory.builder(edition, sectionIn(edition)).headline(headline).standfirst("Standfirst.")
                .body("<p>Body of " + headline + ".</p>").published(CLOCK.instant().minus(ago)).build(), "test");
    }

    String unique(String words) {
        return words + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    Document front(String edition) throws Exception {
        return Jsoup.parse(mvc.perform(get("/" + edition + "/")).andReturn().getResponse().getContentAsString());
    }

    JsonNode api(String edition) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/editions/" + edition + "/front-page")).andReturn()
                .getResponse().getContentAsString());
    }

    String cache(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getHeader("X-Cache");
    }

    /** The story links of the lead, the latest and the section blocks, in page order. */
    static List<String> mainLinks(Document page) {
        return page.select(".lead .teaser-headline a, .latest .teaser-headline a, .section-block .teaser-headline a")
                .eachAttr("href");
    }

    int place(Who who, String edition, long story, int position, String until) throws Exception {
        return status(who, form("/newsroom/front-page/place", "edition", edition, "story", String.valueOf(story),
                "position", String.valueOf(position), "until", until));
    }

    @Test
    void aStoryAppearsOnceInTheMainBlocksOfEveryEdition() throws Exception {
        for (String edition : List.of("en", "ru", "hy")) {
            FrontArrangement.Front front = arrangement.of(edition);
            List<Long> ids = new ArrayList<>();
            if (front.lead() != null) {
                ids.add(front.lead().id());
            }
            front.top().forEach(s -> ids.add(s.id()));
            front.sections().forEach(block -> block.stories().forEach(s -> ids.add(s.id())));
            assertThat(ids).as("main blocks of %s", edition).isNotEmpty().doesNotHaveDuplicates();
            List<String> links = mainLinks(front(edition));
            assertThat(links).as("the reader's front page of %s", edition).hasSize(ids.size()).doesNotHaveDuplicates();
        }
    }

    @Test
    void onlyRolesThatPublishAnyStoryArrangeFrontPages() throws Exception {
        long story = story("en", unique("Role check"), Duration.ofDays(3));
        checkTable(List.of(
                new Cell("screen", who -> get("/newsroom/front-page?edition=en"), 403, 403, 200, 200),
                new Cell("place", who -> form("/newsroom/front-page/place", "edition", "en", "story",
                        String.valueOf(story), "position", "5"), 403, 403, 303, 303),
                new Cell("remove", who -> form("/newsroom/front-page/remove", "edition", "en", "position", "5"),
                        403, 403, 303, 303)));
    }

    @Test
    void anEditorsLeadAndTopSlotsAreWhatReadersAndTheApiSee() throws Exception {
        String leadHeadline = unique("Harbour bridge reopens");
        String secondHeadline = unique("Night trains return");
        long lead = story("en", leadHeadline, Duration.ofDays(9));
        long second = story("en", secondHeadline, Duration.ofDays(10));
        // The screen finds the edition's published stories by words in their headline.
        Document found = Jsoup.parse(mvc.perform(as(Who.EDITOR, get("/newsroom/front-page?edition=en&q="
                + leadHeadline.split(" ")[3]))).andReturn().getResponse().getContentAsString());
        assertThat(found.select("#front-candidates li").text()).contains(leadHeadline);

        assertThat(place(Who.EDITOR, "en", lead, 0, "")).isEqualTo(303);
        assertThat(place(Who.EDITOR, "en", second, 2, "")).isEqualTo(303);
        Document page = front("en");
        assertThat(page.select(".lead .teaser-headline").text()).isEqualTo(leadHeadline);
        assertThat(page.select(".latest .teaser-headline").get(1).text()).isEqualTo(secondHeadline);
        assertThat(mainLinks(page)).doesNotHaveDuplicates();
        JsonNode api = api("en");
        assertThat(api.get("lead").get("id").asLong()).isEqualTo(lead);
        assertThat(api.get("top").get(1).get("id").asLong()).isEqualTo(second);
        assertThat(api.get("slots").toString()).contains("\"position\":0,\"storyId\":" + lead)
                .contains("\"position\":2,\"storyId\":" + second);
        assertThat(audit.latest(5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("front.place"));

        // Down moves the lead to the first top slot; the slot it left fills itself with another story.
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/move", "edition", "en", "position", "0",
                "by", "1"))).isEqualTo(303);
        page = front("en");
        assertThat(page.select(".lead .teaser-headline").text()).isNotEqualTo(leadHeadline);
        assertThat(page.select(".latest .teaser-headline").get(0).text()).isEqualTo(leadHeadline);
        // Placing a story in another slot moves it there: it is never in two.
        assertThat(place(Who.EDITOR, "en", lead, 0, "")).isEqualTo(303);
        assertThat(slots.active("en")).extracting(FrontSlots.Slot::position).containsExactly(0, 2);
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/remove", "edition", "en", "position", "2"))).isEqualTo(303);
        assertThat(front("en").select(".latest .teaser-headline").eachText()).doesNotContain(secondHeadline);
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/remove", "edition", "en", "position", "0"))).isEqualTo(303);
    }

    @Test
    void onlyPublishedStoriesOfTheEditionArePlacedAndBadFormsAreExplained() throws Exception {
        long draft = imports.bring(NewStory.builder("en", sectionIn("en")).headline(unique("Draft"))
                .body("<p>Draft.</p>").status(StoryStatus.DRAFT).build(), "test");
        long russian = story("ru", unique("Русский материал"), Duration.ofDays(2));
        long english = story("en", unique("Good one"), Duration.ofDays(2));
        var refused = mvc.perform(as(Who.EDITOR, form("/newsroom/front-page/place", "edition", "en", "story",
                String.valueOf(draft), "position", "1")).header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.getContentAsString()).select("p.notice[role=alert]").text())
                .contains("Only a published story of this edition");
        assertThat(place(Who.EDITOR, "en", russian, 1, "")).isEqualTo(400);
        assertThat(place(Who.EDITOR, "en", english, 9, "")).isEqualTo(400);
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/place", "edition", "en", "story", "x1",
                "position", "1"))).isEqualTo(400);
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/place", "edition", "en", "story",
                String.valueOf(english), "position", "-1"))).isEqualTo(400);
        assertThat(place(Who.EDITOR, "en", english, 1, "yesterday")).isEqualTo(400);
        assertThat(place(Who.EDITOR, "en", english, 1, local(CLOCK.instant().minus(Duration.ofHours(1))))).isEqualTo(400);
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/place", "edition", "zz", "story",
                String.valueOf(english), "position", "1"))).isEqualTo(404);
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/move", "edition", "en", "position", "0",
                "by", "-1"))).isEqualTo(400);
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/pin", "edition", "en", "position", "7",
                "until", ""))).as("an empty slot").isEqualTo(400);
        assertThat(slots.active("en")).isEmpty();
    }

    @Test
    void anUnpublishedOrDeletedStoryDropsOutOfItsSlot() throws Exception {
        String headline = unique("Recalled report");
        long story = story("en", headline, Duration.ofDays(20));
        assertThat(place(Who.EDITOR, "en", story, 0, "")).isEqualTo(303);
        assertThat(front("en").select(".lead .teaser-headline").text()).isEqualTo(headline);
        publishing.unpublish(story);
        assertThat(front("en").select(".lead .teaser-headline").text()).isNotEqualTo(headline);
        assertThat(api("en").get("slots")).isEmpty();
        publishing.delete(story);
        assertThat(jdbc.sql("select count(*) from front_slots where story_id = ?").param(story)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPinRunsOutAndItsSlotFillsItselfOnEveryCachedCopy() throws Exception {
        String headline = unique("Election night special");
        long story = story("en", headline, Duration.ofDays(30));
        assertThat(place(Who.EDITOR, "en", story, 0, local(CLOCK.instant().plus(Duration.ofHours(1))))).isEqualTo(303);
        String storyPath = mainLinks(front("en")).get(3);
        assertThat(front("en").select(".lead .teaser-headline").text()).isEqualTo(headline);
        api("en");
        mvc.perform(get(storyPath));
        mvc.perform(get("/ru/"));
        assertThat(cache("/en/")).isEqualTo("HIT");
        assertThat(cache("/api/v1/editions/en/front-page")).isEqualTo("HIT");
        assertThat(cache(storyPath)).isEqualTo("HIT");
        assertThat(cache("/ru/")).isEqualTo("HIT");
        assertThat(slots.active("en")).extracting(s -> s.story().id()).containsExactly(story);

        CLOCK.advance(Duration.ofMinutes(61));
        assertThat(slots.active("en")).as("a run-out pin no longer counts").isEmpty();
        assertThat(arrangement.of("en").lead().id()).isNotEqualTo(story);
        assertThat(slots.endRunOut()).isEqualTo(1);
        assertThat(slots.endRunOut()).as("each pin ends once").isZero();

        // Exactly the edition's front page and its API copy are purged, nothing else.
        assertThat(cache("/en/")).isEqualTo("MISS");
        assertThat(cache("/api/v1/editions/en/front-page")).isEqualTo("MISS");
        assertThat(cache(storyPath)).isEqualTo("HIT");
        assertThat(cache("/ru/")).isEqualTo("HIT");
        assertThat(front("en").select(".lead .teaser-headline").text()).isNotEqualTo(headline);
        assertThat(api("en").get("lead").get("id").asLong()).isNotEqualTo(story);
    }

    @Test
    void aChangeOnTheScreenPurgesExactlyTheEditionsFrontPage() throws Exception {
        long story = story("ru", unique("Новый главный"), Duration.ofDays(5));
        mvc.perform(get("/ru/"));
        mvc.perform(get("/en/"));
        mvc.perform(get("/api/v1/stories?edition=ru"));
        api("ru");
        assertThat(cache("/api/v1/stories?edition=ru")).isEqualTo("HIT");
        assertThat(cache("/ru/")).isEqualTo("HIT");
        assertThat(cache("/api/v1/editions/ru/front-page")).isEqualTo("HIT");
        assertThat(place(Who.ADMIN, "ru", story, 1, "")).isEqualTo(303);
        assertThat(cache("/ru/")).isEqualTo("MISS");
        assertThat(cache("/api/v1/editions/ru/front-page")).isEqualTo("MISS");
        assertThat(cache("/en/")).isEqualTo("HIT");
        assertThat(cache("/api/v1/stories?edition=ru")).as("the API's lists show no arrangement").isEqualTo("HIT");
        assertThat(status(Who.EDITOR, form("/newsroom/front-page/remove", "edition", "ru", "position", "1"))).isEqualTo(303);
    }

    String local(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(at.atZone(site.timeZone()));
    }

}
