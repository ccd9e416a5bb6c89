package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import news.gazette.live.LiveEvent;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.nodes.DomainEvent;
import news.gazette.site.EditionSettings;
import news.gazette.site.SiteSettings;
import news.gazette.site.SiteSettingsChanged;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What rendering a page keeps instead of asking the database each time: the running live blogs (the "Live" badge on
 * teasers) and the chosen logo's image. Each follows a change another node made as soon as the change feed tells it,
 * and is not read again before: the change is written straight into the tables and the feed, as another node's
 * commit would be. Run on H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class KeptForRenderingContract {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired LiveBlogs liveBlogs;
    @Autowired Stories stories;
    @Autowired SiteSettings settings;
    @MockitoSpyBean MediaLibrary media;

    @Test
    void theLiveBadgeFollowsALiveBlogAnotherNodeStartedAndEndedWithoutAQueryPerList() {
        Story story = stories.latest("en", 50, 0).stream().filter(s -> liveBlogs.find(s.id()).isEmpty()).findFirst()
                .orElseThrow();
        List<Long> list = List.of(story.id());
        assertThat(liveBlogs.running(list)).isEmpty();

        // The other node's transaction starts the live blog; this node is not told yet.
        jdbc.sql("insert into live_blogs (story_id, edition, started_at, key_points, updated_at) values (?, ?, ?, '', ?)")
                .params(story.id(), story.edition(), clock.instant().atOffset(ZoneOffset.UTC),
                        clock.instant().atOffset(ZoneOffset.UTC)).update();
        assertThat(liveBlogs.running(list)).as("this node's copy, not read again for a rendered list").isEmpty();
        toldByAnotherNode(new LiveEvent.EntryChanged(story.edition(), story.id(), 0, LiveEvent.Change.STARTED));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(liveBlogs.running(list)).containsExactly(story.id()));

        jdbc.sql("update live_blogs set ended_at = ? where story_id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), story.id()).update();
        assertThat(liveBlogs.running(list)).containsExactly(story.id());
        toldByAnotherNode(new LiveEvent.EntryChanged(story.edition(), story.id(), 0, LiveEvent.Change.ENDED));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(liveBlogs.running(list)).isEmpty());
        jdbc.sql("delete from live_blogs where story_id = ?").param(story.id()).update();
    }

    @Test
    void theLogoIsLookedUpOnceForEveryRenderedPageAndFollowsAChangeAnotherNodeMade() throws Exception {
        List<Long> images = jdbc.sql("select id from media order by id limit 2").query(Long.class).list();
        assertThat(images).hasSize(2);
        EditionSettings before = settings.of("hy");
        settings.save(withLogo(before, images.get(0)));
        try {
            clearInvocations(media);
            String first = logoOf("/hy/search?q=kept-one");
            assertThat(logoOf("/hy/search?q=kept-two")).isEqualTo(first);
            assertThat(logoOf("/hy/search?q=kept-three")).isEqualTo(first);
            verify(media, times(1)).byId(images.get(0));

            // Another node saves a new logo: the row and the feed, nothing said to this node directly.
            jdbc.sql("update site_settings set logo_id = ? where edition = 'hy'").param(images.get(1)).update();
            toldByAnotherNode(new SiteSettingsChanged("hy"));
            await().atMost(WITHIN).untilAsserted(() ->
                    assertThat(logoOf("/hy/search?q=kept-" + System.nanoTime())).isNotEqualTo(first));
            verify(media, atLeastOnce()).byId(images.get(1));
            clearInvocations(media);
            logoOf("/hy/search?q=kept-four");
            logoOf("/hy/search?q=kept-five");
            verify(media, never()).byId(anyLong());
        } finally {
            settings.save(before);
        }
    }

    /** The logo's address in the header of a page rendered anew (each address its own page). */
    private String logoOf(String path) throws Exception {
        String html = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
        Element logo = Jsoup.parse(html).selectFirst("header img.brand-logo");
        assertThat(logo).as(path).isNotNull();
        return logo.attr("src");
    }

    private static EditionSettings withLogo(EditionSettings s, long logo) {
        return new EditionSettings(s.edition(), s.social(), s.appStore(), s.googlePlay(), s.followNetwork(),
                s.followText(), s.followUrl(), s.copyright(), s.reusePolicy(), s.outletName(), logo, s.menu());
    }

    /** Writes the change into the feed as another node's commit does ({@code ChangeLog}). */
    private void toldByAnotherNode(DomainEvent event) {
        ChangeCodec codec = new ChangeCodec();
        jdbc.sql("insert into cluster_changes (story_id, edition, section_id, kind, origin, at, payload) "
                        + "values (0, ?, 0, ?, 'another-node', ?, ?)")
                .params(event.edition(), codec.kind(event), clock.instant().atOffset(ZoneOffset.UTC),
                        codec.payload(event)).update();
    }
}
