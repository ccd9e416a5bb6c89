package news.gazette.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.nodes.ClusterLocks;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.story.Tags;
import news.gazette.views.ViewLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo editions into an empty database on start, with publish times relative to now so the site looks
 * current, translations linked across editions, and a plausible spread of views for the most-read lists.
 */
@Component
@ConditionalOnProperty(name = "gazette.demo-content", havingValue = "true")
class DemoContent implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    private static final String LOADED = "demo-content.loaded";

    private final Editions editions;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final Stories stories;
    private final StoryImports imports;
    private final MediaLibrary media;
    private final ViewLedger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ClusterLocks locks;
    private final DemoLiveBlogs liveBlogs;
    private final DemoTranslations editionsInStep;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoContent(Editions editions, Sections sections, Authors authors, Tags tags, Stories stories, StoryImports imports,
                MediaLibrary media, ViewLedger ledger, TransactionTemplate transaction, Clock clock, ClusterLocks locks,
                DemoLiveBlogs liveBlogs, DemoTranslations editionsInStep) {
        this.locks = locks;
        this.liveBlogs = liveBlogs;
        this.editionsInStep = editionsInStep;
        this.editions = editions;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.stories = stories;
        this.imports = imports;
        this.media = media;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Runs before the web server takes requests, so no reader sees a half-loaded site. */
    @Override
    public void afterSingletonsInstantiated() {
        if (stories.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        Map<String, List<Long>> translations = new LinkedHashMap<>();
        Map<String, Media> images = new HashMap<>();
        Map<Long, DemoEdition.Story> loaded = new LinkedHashMap<>();
        try {
            transaction.executeWithoutResult(status -> {
                // Nodes starting together on an empty database: the first to commit loads, the others wait here
                // for it and then find the mark taken.
                locks.claimForGood(LOADED);
                loadAll(now, translations, images, loaded);
            });
        } catch (DuplicateKeyException e) {
            log.info("Demo content was loaded by another node");
            return;
        }
        seedViews(loaded, now);
        log.info("Loaded {} demo stories in {} editions", loaded.size(), editions.all().size());
    }

    private void loadAll(Instant now, Map<String, List<Long>> translations, Map<String, Media> images,
                         Map<Long, DemoEdition.Story> loaded) {
        Map<String, Map<String, Long>> byKey = new HashMap<>();
        for (Edition edition : editions.all()) {
            DemoEdition content = read(edition.code());
            if (content == null) {
                continue;
            }
            Map<Long, DemoEdition.Story> ofEdition = load(content, now, images);
            ofEdition.forEach((id, story) -> translations.computeIfAbsent(story.key(), k -> new ArrayList<>()).add(id));
            ofEdition.forEach((id, story) -> byKey.computeIfAbsent(edition.code(), k -> new HashMap<>()).put(story.key(), id));
            loaded.putAll(ofEdition);
        }
        translations.values().forEach(group -> imports.linkTranslations(List.copyOf(group)));
        liveBlogs.load(byKey, now);
        editionsInStep.load(byKey);
    }

    private DemoEdition read(String edition) {
        ClassPathResource resource = new ClassPathResource("demo/" + edition + ".json");
        if (!resource.exists()) {
            log.info("No demo content for edition {}", edition);
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, DemoEdition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Long, DemoEdition.Story> load(DemoEdition content, Instant now, Map<String, Media> images) {
        String edition = content.edition();
        Map<String, Section> sectionsByKey = new HashMap<>();
        int position = 0;
        for (DemoEdition.Section s : content.sections()) {
            sectionsByKey.put(s.key(), sections.create(edition, s.slug(), s.name(), s.description(), position++));
        }
        Map<String, Long> authorsByKey = new HashMap<>();
        for (DemoEdition.Author a : content.authors()) {
            authorsByKey.put(a.key(), authors.create(edition, a.slug(), a.name(), a.bio(), null).id());
        }
        Map<Long, DemoEdition.Story> created = new LinkedHashMap<>();
        for (DemoEdition.Story s : content.stories()) {
            Media image = images.computeIfAbsent(s.key(), key -> media.storeDrawn("demo-" + key + ".jpg",
                    Illustrations.draw(s.image().motif(), key), "demo",
                    new MediaLibrary.Details(s.image().alt(), s.image().caption(), s.image().credit())));
            List<Long> tagIds = s.tags().stream().map(t -> tags.ensure(edition, t.slug(), t.name()).id()).toList();
            List<Long> authorIds = s.authors().stream().map(authorsByKey::get).toList();
            Instant published = now.minus(Duration.ofHours(s.publishedHoursAgo())).minusSeconds(Math.floorMod(s.key().hashCode(), 3000));
            Instant updated = s.updatedHoursAgo() == null ? null : now.minus(Duration.ofHours(s.updatedHoursAgo()));
            long id = imports.bring(new NewStory(edition, sectionsByKey.get(s.section()).id(), null, s.headline(),
                    s.standfirst(), s.body(), s.source() == null ? null : new Story.Source(s.source().name(), s.source().url()),
                    StoryStatus.PUBLISHED, s.featured(), s.breaking(), image.id(), s.image().alt(), s.image().caption(),
                    s.image().credit(), published, updated, authorIds, tagIds), "demo");
            created.put(id, s);
        }
        return created;
    }

    /** Readers come mostly in a story's first hours; the demo spreads views that way over the last day. */
    private void seedViews(Map<Long, DemoEdition.Story> loaded, Instant now) {
        Map<Integer, Map<Long, Long>> byHour = new HashMap<>();
        loaded.forEach((id, story) -> {
            Random random = new Random(story.key().hashCode() * 31L + id);
            int age = story.publishedHoursAgo();
            long total = 40 + random.nextInt(400) + (age < 72 ? random.nextInt(2500) : random.nextInt(600));
            int hours = Math.max(1, Math.min(24, age));
            for (int h = 0; h < hours; h++) {
                long share = total / hours + random.nextInt(5);
                byHour.computeIfAbsent(h, k -> new HashMap<>()).put(id, share);
            }
        });
        byHour.forEach((hoursAgo, increments) -> ledger.add(increments, now.minus(Duration.ofHours(hoursAgo))));
    }
}
