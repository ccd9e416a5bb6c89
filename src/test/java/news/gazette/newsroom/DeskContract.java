package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import news.gazette.author.Author;
import news.gazette.section.Section;
import news.gazette.story.DeskQuery;
import news.gazette.story.DeskSearch;
import news.gazette.story.NewStory;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk (ADR 91): every story of every edition a page at a time, each filter, the views, the orders and words,
 * the review queue's count in the menu, filters in the address, unreadable filters refused with a 400 page.
 */
abstract class DeskContract extends AdministrationRequests {

    @Autowired DeskSearch search;
    @Autowired StoryImports imports;

    private final String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private Section freshSection(String edition) {
        return sections.append(edition, "desk-" + UUID.randomUUID().toString().substring(0, 8), "Desk test", "");
    }

    private long story(Section section, String headline, StoryStatus status, String by, List<Long> authorIds) {
        NewStory.Builder story = NewStory.builder(section.edition(), section.id()).headline(headline)
                .standfirst("A standfirst.").body("<p>Body of " + headline + "</p>").createdBy(by).authors(authorIds);
        if (status == StoryStatus.PUBLISHED) {
            story.published(Instant.now().minusSeconds(60));
        } else if (status == StoryStatus.SCHEDULED) {
            story.scheduled(Instant.now().plus(Duration.ofDays(2)));
        } else {
            story.status(status);
        }
        return imports.bring(story.build(), "test");
    }

    private DeskQuery.Builder query() {
        return new DeskQuery.Builder();
    }

    private List<Long> ids(DeskQuery query) {
        return search.find(query).stories().stream().map(DeskSearch.DeskStory::id).toList();
    }

    @Test
    void everyStoryIsReachedPageByPageWithoutRepeats() {
        Section section = freshSection("en");
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            made.add(story(section, "Paged " + i, StoryStatus.DRAFT, "a@example.org", List.of()));
        }
        DeskSearch.DeskPage first = search.find(query().section(section.id()).page(1).build());
        DeskSearch.DeskPage second = search.find(query().section(section.id()).page(2).build());
        assertThat(first.stories()).hasSize(25);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.stories()).hasSize(5);
        assertThat(second.hasNext()).isFalse();
        List<Long> seen = new ArrayList<>();
        first.stories().forEach(s -> seen.add(s.id()));
        second.stories().forEach(s -> seen.add(s.id()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void eachFilterKeepsOnlyWhatItNames() {
        Section en = freshSection("en");
        Section ru = freshSection("ru");
        Author writer = authors.create("en", "desk-" + word, "Desk Writer " + word, "", null);
        authors.linkAccount(writer.id(), people.get(Who.AUTHOR).id());
        long draft = story(en, word + " draft", StoryStatus.DRAFT, "one@example.org", List.of());
        long review = story(en, word + " review", StoryStatus.IN_REVIEW, "two@example.org", List.of(writer.id()));
        long published = story(ru, word + " published", StoryStatus.PUBLISHED, "one@example.org", List.of());
        long mine = story(en, word + " mine", StoryStatus.DRAFT, people.get(Who.AUTHOR).email(), List.of());

        assertThat(ids(query().words(word).edition("ru").build())).containsExactly(published);
        assertThat(ids(query().words(word).status(StoryStatus.IN_REVIEW).build())).containsExactly(review);
        assertThat(ids(query().words(word).section(ru.id()).build())).containsExactly(published);
        assertThat(ids(query().words(word).author(writer.id()).build())).containsExactly(review);
        assertThat(ids(query().words(word).owner(new DeskQuery.Owner(people.get(Who.AUTHOR).email(),
                people.get(Who.AUTHOR).id())).build())).containsExactlyInAnyOrder(review, mine);
        jdbc.sql("update stories set changed_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusDays(10), draft).update();
        assertThat(ids(query().words(word).before(Instant.now().minus(Duration.ofDays(5))).build()))
                .containsExactly(draft);
        assertThat(ids(query().words(word).from(Instant.now().minus(Duration.ofDays(5))).build()))
                .containsExactlyInAnyOrder(review, published, mine);
    }

    @Test
    void wordsAreFoundInHeadlineAndTextInAnyCaseAndWildcardsAreLiteral() {
        Section section = freshSection("en");
        long inHeadline = story(section, "Harbour " + word.toUpperCase(), StoryStatus.DRAFT, "a@example.org", List.of());
        NewStory inText = NewStory.builder("en", section.id()).headline("Plain headline").standfirst("")
                .body("<p>The " + word + " appears only here, with 50% more.</p>").createdBy("a@example.org").build();
        long text = imports.bring(inText, "test");
        assertThat(ids(query().words(word).build())).containsExactlyInAnyOrder(inHeadline, text);
        assertThat(ids(query().words(word + " harbour").build())).containsExactly(inHeadline);
        assertThat(ids(query().words(word + " 50%").build())).containsExactly(text);
        assertThat(ids(query().words(word + " _0%").build())).isEmpty();
    }

    @Test
    void theThreeOrders() {
        Section section = freshSection("en");
        long a = story(section, word + " a", StoryStatus.PUBLISHED, "a@example.org", List.of());
        long b = story(section, word + " b", StoryStatus.PUBLISHED, "a@example.org", List.of());
        long c = story(section, word + " c", StoryStatus.DRAFT, "a@example.org", List.of());
        jdbc.sql("update stories set views = ? where id = ?").params(500, a).update();
        jdbc.sql("update stories set views = ? where id = ?").params(100, b).update();
        jdbc.sql("update stories set published_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusDays(3), b).update();
        jdbc.sql("update stories set changed_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().plusMinutes(5), a).update();
        assertThat(ids(query().words(word).sort(DeskQuery.Sort.VIEWS).build())).containsExactly(a, b, c);
        assertThat(ids(query().words(word).sort(DeskQuery.Sort.PUBLISHED).build())).containsExactly(a, b);
        assertThat(ids(query().words(word).sort(DeskQuery.Sort.UPDATED).build())).startsWith(a).contains(b, c);
    }

    @Test
    void theViewsOverTheScreenAndTheirAddresses() throws Exception {
        Section section = freshSection("en");
        long review = story(section, word + " waiting", StoryStatus.IN_REVIEW, "x@example.org", List.of());
        long stale = story(section, word + " stale", StoryStatus.DRAFT, "x@example.org", List.of());
        long fresh = story(section, word + " fresh", StoryStatus.DRAFT, "x@example.org", List.of());
        long today = story(section, word + " today", StoryStatus.PUBLISHED, "x@example.org", List.of());
        long scheduled = story(section, word + " later", StoryStatus.SCHEDULED, "x@example.org", List.of());
        long mine = story(section, word + " own", StoryStatus.DRAFT, people.get(Who.CONTRIBUTOR).email(), List.of());
        jdbc.sql("update stories set changed_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusDays(8), stale).update();

        assertThat(rows(Who.EDITOR, "view=review")).containsExactly(review);
        assertThat(rows(Who.EDITOR, "view=stale")).containsExactly(stale);
        assertThat(rows(Who.EDITOR, "view=today")).containsExactly(today);
        assertThat(rows(Who.EDITOR, "view=scheduled")).containsExactly(scheduled);
        assertThat(rows(Who.CONTRIBUTOR, "view=mine")).containsExactly(mine);
        assertThat(rows(Who.EDITOR, "status=draft")).containsExactlyInAnyOrder(stale, fresh, mine);

        Document page = desk(Who.EDITOR, "view=review&q=" + word);
        assertThat(page.select(".desk-views a[aria-current=page]").attr("href")).isEqualTo("/newsroom?view=review");
        assertThat(page.select("#desk-q").val()).isEqualTo(word);
        assertThat(page.select("input[name=view]").val()).isEqualTo("review");
    }

    @Test
    void theReviewQueueCountIsInTheMenuForEditorsOnly() throws Exception {
        int before = search.waitingForReview();
        story(freshSection("en"), word, StoryStatus.IN_REVIEW, "x@example.org", List.of());
        Document editor = desk(Who.EDITOR, "");
        assertThat(editor.select("[data-review-count]").attr("data-review-count")).isEqualTo(Integer.toString(before + 1));
        assertThat(editor.select(".nr-primary a[href='/newsroom?view=review']")).hasSize(1);
        assertThat(desk(Who.CONTRIBUTOR, "").select("[data-review-count]")).isEmpty();
    }

    @Test
    void unreadableFiltersGetALocalizedBadRequestPage() throws Exception {
        for (String bad : List.of("status=bogus", "page=0", "page=x", "from=2024-13-45", "section=abc", "view=nope",
                "sort=random", "edition=%3Cscript%3E", "q=" + "x".repeat(201))) {
            var response = mvc.perform(as(Who.EDITOR, get("/newsroom?" + bad)).header("Accept-Language", "ru"))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(bad).isEqualTo(400);
            assertThat(response.getContentAsString()).as(bad).doesNotContain("Exception").contains("lang=\"ru\"");
        }
        assertThat(status(Who.EDITOR, get("/newsroom?edition=zz"))).isEqualTo(404);
    }

    private Document desk(Who who, String query) throws Exception {
        var response = mvc.perform(as(who, get("/newsroom?" + query))).andReturn().getResponse();
        assertThat(response.getStatus()).as(query).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private List<Long> rows(Who who, String query) throws Exception {
        return desk(who, query + "&q=" + word).select("tr[data-story]").eachAttr("data-story").stream()
                .map(Long::valueOf).toList();
    }
}
