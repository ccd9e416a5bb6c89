package news.gazette.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import news.gazette.platform.SiteProperties;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The date archive ({@code /{edition}/{yyyy}/{mm}/{dd}/}), the menu page and reading times over the demo content.
 * Run against H2 and PostgreSQL by its subclasses.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class DayArchiveContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired StoryImports imports;
    @Autowired Publishing publishing;
    @Autowired SiteProperties site;

    MvcResult perform(String path) throws Exception {
        return mvc.perform(get(path).header("User-Agent", ReaderSiteContract.BROWSER)).andReturn();
    }

    Document page(String path) throws Exception {
        MvcResult result = perform(path);
        assertThat(result.getResponse().getStatus()).as("status of %s", path).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/");
    }

    private long sectionId(String edition) {
        return jdbc.sql("select id from sections where edition = ? order by id limit 1").param(edition)
                .query(Long.class).single();
    }

    private long publishAt(String edition, String headline, Instant at) {
        long id = imports.bring(NewStory.builder(edition, sectionId(edition)).headline(headline)
                .standfirst("Standfirst.").body("<p>" + "word ".repeat(600) + "</p>").published(at).build(), "test");
        return id;
    }

    private String storyPath(long id) {
        return jdbc.sql("""
                        select '/' || s.edition || '/' || se.slug || '/' || s.id || '-' || s.slug from stories s
                        join sections se on se.id = s.section_id where s.id = ?""").param(id).query(String.class).single();
    }

    @Test
    void aDayListsTheStoriesOfThatDayInTheOutletsTimeZone() throws Exception {
        ZoneId zone = site.timeZone();
        LocalDate day = LocalDate.now(zone).minusDays(40);
        if (day.getDayOfMonth() == 1) {
            day = day.plusDays(1); // the day before is then in the same month's calendar
        }
        // Late in the evening by UTC, but on the next day where the outlet is (or on the day itself, west of UTC).
        Instant late = day.atStartOfDay(zone).plusHours(23).plusMinutes(30).toInstant();
        Instant early = day.atStartOfDay(zone).plusMinutes(10).toInstant();
        Instant dayBefore = day.atStartOfDay(zone).minusMinutes(10).toInstant();
        long lateId = publishAt("en", "Ferry timetable changes at midnight", late);
        publishAt("en", "Dawn market opens early", early);
        publishAt("en", "Yesterday's last tram", dayBefore);
        publishAt("ru", "Паром уходит в полночь", early);

        String path = String.format("/en/%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        Document page = page(path);
        assertThat(page.select("main .teaser-headline").eachText())
                .containsExactly("Ferry timetable changes at midnight", "Dawn market opens early");
        assertThat(page.select("h1").text()).isEqualTo(day.getDayOfMonth() + " "
                + day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + day.getYear());
        assertThat(page.select("link[rel=canonical]").attr("href")).endsWith(path);
        // The calendar links the day itself and marks it; the day before has a story too.
        assertThat(page.select(".calendar-month a[aria-current=date]").attr("href")).isEqualTo(path);
        assertThat(page.select(".calendar-month a").eachAttr("href"))
                .contains(String.format("/en/%04d/%02d/%02d/", day.minusDays(1).getYear(), day.minusDays(1).getMonthValue(),
                        day.minusDays(1).getDayOfMonth()));
        assertThat(page.select("a[rel=prev]").attr("href")).endsWith(String.format("/%02d/", day.minusDays(1).getDayOfMonth()));

        // The story's date links to its day.
        Document story = page(storyPath(lateId));
        assertThat(story.select(".story-meta a.day-link").attr("href")).isEqualTo(path);
        assertThat(story.select(".day-link time").attr("datetime"))
                .startsWith(ZonedDateTime.ofInstant(late, zone).toLocalDate().toString());

        // Localized: the ru edition's day, in Russian, only its own stories.
        Document ru = page(path.replace("/en/", "/ru/"));
        assertThat(ru.select("main .teaser-headline").eachText()).containsExactly("Паром уходит в полночь");
        assertThat(ru.select("h1").text()).contains(String.valueOf(day.getYear())).doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void aMonthShowsItsCalendarAndLaterMonthsAreNotLinked() throws Exception {
        LocalDate today = LocalDate.now(site.timeZone());
        Document month = page(String.format("/hy/%04d/%02d/", today.getYear(), today.getMonthValue()));
        assertThat(month.select(".calendar-month tbody td").size() % 7).isZero();
        assertThat(month.select(".calendar-month a")).as("the demo content was published in the last days").isNotEmpty();
        assertThat(month.select("a[rel=next]")).isEmpty();
        assertThat(month.select("a[rel=prev]")).hasSize(1);
        assertThat(month.select("th abbr").eachAttr("title")).hasSize(7).allMatch(name -> name.matches("\\p{IsArmenian}+"));
    }

    @Test
    void datesThatAreNotInTheArchiveGetALocalizedPageNotFound() throws Exception {
        LocalDate tomorrow = LocalDate.now(site.timeZone()).plusDays(1);
        for (String path : List.of("/en/2024/02/30/", "/ru/2024/13/01/", "/hy/2024/00/10/", "/en/2023/02/29/",
                "/ru/1899/12/31/", String.format("/en/%04d/%02d/%02d/", tomorrow.getYear(), tomorrow.getMonthValue(),
                        tomorrow.getDayOfMonth()), "/en/2999/01/", "/xx/2024/01/01/")) {
            MvcResult result = perform(path);
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
            String body = result.getResponse().getContentAsString();
            assertThat(body).as(path).doesNotContain("Exception");
            String heading = Jsoup.parse(body).select("h1").text();
            assertThat(heading).as(path).isEqualTo(path.startsWith("/ru/") ? "Страница не найдена"
                    : path.startsWith("/hy/") ? "Էջը չի գտնվել" : "Page not found");
        }
        assertThat(perform("/en/2024/02/29/").getResponse().getStatus()).as("a leap day").isEqualTo(200);
    }

    @Test
    void aCachedDayPageShowsAStoryOnceItIsPublished() throws Exception {
        LocalDate today = LocalDate.now(site.timeZone());
        String path = String.format("/en/%04d/%02d/%02d/", today.getYear(), today.getMonthValue(), today.getDayOfMonth());
        assertThat(page(path).select("main .teaser-headline").eachText()).doesNotContain("Harbour lights restored");
        assertThat(perform(path).getResponse().getHeader("X-Cache")).as("the day page is kept").isEqualTo("HIT");
        long id = imports.bring(NewStory.builder("en", sectionId("en")).headline("Harbour lights restored")
                .standfirst("S.").body("<p>Body.</p>").status(StoryStatus.DRAFT).build(), "test");

        publishing.publish(id);

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(page(path).select("main .teaser-headline").eachText()).contains("Harbour lights restored"));
        assertThat(page(storyPath(id)).select(".day-link").attr("href")).isEqualTo(path);
    }

    @Test
    void readingTimeIsOnStoriesAndTeasersInTheEditionsLanguage() throws Exception {
        Instant at = Instant.now().minus(Duration.ofDays(90));
        long en = publishAt("en", "A long read on tides", at);
        long hy = publishAt("hy", "Մակընթացությունների մասին", at);
        // 601 words (standfirst and body): 601 / 228 = 2.6 → 3 in English; 601 / 170 = 3.5 → 4 in Armenian.
        assertThat(page(storyPath(en)).select(".story-meta .reading-time").text()).isEqualTo("3 min read");
        assertThat(page(storyPath(hy)).select(".story-meta .reading-time").text()).isEqualTo("4 րոպե ընթերցանություն");
        assertThat(page("/en/").select(".teaser .reading-time")).isNotEmpty()
                .allMatch(e -> e.text().matches("\\d+ min read"));
    }

    @Test
    void theMenuPageListsWhatThePhoneMenuHolds() throws Exception {
        Document front = page("/ru/");
        assertThat(front.select("a.menu-button").attr("href")).isEqualTo("/ru/menu");
        assertThat(front.select("a.search-button").attr("href")).isEqualTo("/ru/search");
        Document menu = page("/ru/menu");
        assertThat(menu.select("h1").text()).isEqualTo("Меню");
        assertThat(menu.select(".menu-list a").eachAttr("href"))
                .containsAll(front.select(".sections a").eachAttr("href"))
                .anyMatch(href -> href.startsWith("/switch/en"));
        assertThat(menu.select(".menu-search input[name=q]")).hasSize(1);
    }
}
