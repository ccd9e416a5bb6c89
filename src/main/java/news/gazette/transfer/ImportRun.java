package news.gazette.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.media.Media;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.text.Slugs;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.story.Tags;
import news.gazette.transfer.ImportReport.Kind;
import news.gazette.transfer.ImportReport.Outcome;
import news.gazette.transfer.ImportReport.Skip;
import news.gazette.transfer.ImportedImages.Checked;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The writing half of one import, inside its transaction: authors, sections, tags and images first, then the
 * stories that refer to them, then the old addresses of the published ones. Each item is looked up in what earlier
 * imports of the same site into the same edition brought, so nothing is created twice.
 */
final class ImportRun {

    /** Slug of the section for stories whose source gave them none. */
    static final String FALLBACK_SECTION = "imported";

    /** What a run works with. */
    @Component
    record Parts(ImportItems items, ImportRedirects redirects, ImportWriter writer, ImportedImages images,
                 Sections sections, Authors authors, Tags tags, Stories stories, Permalinks permalinks,
                 MessageSource messages, Clock clock) {
    }

    private final Parts parts;
    private final SourceExport source;
    private final Edition edition;
    private final Map<String, Checked> checked;
    private final ImportReport report;
    private final List<Media> stored;
    private final ImportItems.Scope scope;

    private final Map<String, Long> authorIds = new HashMap<>();
    private final Map<String, Section> sections = new HashMap<>();
    private final Map<String, Long> tagIds = new HashMap<>();
    private final Map<String, Media> media = new HashMap<>();

    ImportRun(Parts parts, SourceExport source, Edition edition, Map<String, Checked> checked, ImportReport report,
              List<Media> stored) {
        this.parts = parts;
        this.source = source;
        this.edition = edition;
        this.checked = checked;
        this.report = report;
        this.stored = stored;
        this.scope = new ImportItems.Scope(source.format(), source.site(), edition.code());
    }

    static ImportBodies.Body body(ImportFormat format, String html) {
        return format == ImportFormat.WORDPRESS ? ImportBodies.wordpress(html) : ImportBodies.ghost(html);
    }

    void write() {
        source.authors().forEach(this::author);
        source.sections().forEach(this::section);
        source.tags().forEach(this::tag);
        checked.values().forEach(this::image);
        source.stories().forEach(this::story);
    }

    private void author(SourceExport.Person person) {
        Optional<ImportItems.Item> known = parts.items().find(scope, Kind.AUTHOR, person.id());
        if (known.isPresent()) {
            authorIds.put(person.id(), known.get().targetId());
            report.count(Kind.AUTHOR, Outcome.UNCHANGED);
            return;
        }
        String slug = Slugs.of(person.slug().isEmpty() ? person.name() : person.slug());
        var existing = parts.authors().find(edition.code(), slug);
        long id = existing.isPresent() ? existing.get().id()
                : parts.authors().create(edition.code(), slug, cut(ImportBodies.plain(person.name()), 160),
                        cut(ImportBodies.plain(person.bio()), 1000), null).id();
        parts.items().remember(scope, Kind.AUTHOR, person.id(), id, null);
        authorIds.put(person.id(), id);
        report.count(Kind.AUTHOR, existing.isPresent() ? Outcome.UNCHANGED : Outcome.IMPORTED);
    }

    private void section(SourceExport.Term term) {
        Optional<Section> known = parts.items().find(scope, Kind.SECTION, term.id())
                .flatMap(item -> parts.sections().byId(item.targetId()));
        if (known.isPresent()) {
            sections.put(term.id(), known.get());
            report.count(Kind.SECTION, Outcome.UNCHANGED);
            return;
        }
        String slug = Slugs.of(term.slug().isEmpty() ? term.name() : term.slug());
        slug = Sections.RESERVED_SLUGS.contains(slug) ? slug + "-section" : slug;
        Section section = ensureSection(slug, term.name().isEmpty() ? slug : term.name(), term.description());
        parts.items().remember(scope, Kind.SECTION, term.id(), section.id(), null);
        sections.put(term.id(), section);
    }

    private Section ensureSection(String slug, String name, String description) {
        var existing = parts.sections().find(edition.code(), slug);
        if (existing.isPresent()) {
            report.count(Kind.SECTION, Outcome.UNCHANGED);
            return existing.get();
        }
        report.count(Kind.SECTION, Outcome.IMPORTED);
        return parts.sections().create(edition.code(), slug, cut(ImportBodies.plain(name), 120),
                cut(ImportBodies.plain(description), 300), parts.sections().inEdition(edition.code()).size());
    }

    private void tag(SourceExport.Term term) {
        Optional<ImportItems.Item> known = parts.items().find(scope, Kind.TAG, term.id());
        if (known.isPresent()) {
            tagIds.put(term.id(), known.get().targetId());
            report.count(Kind.TAG, Outcome.UNCHANGED);
            return;
        }
        String slug = Slugs.of(term.slug().isEmpty() ? term.name() : term.slug());
        boolean existed = parts.tags().find(edition.code(), slug).isPresent();
        long id = parts.tags().ensure(edition.code(), slug, cut(ImportBodies.plain(term.name()), 120)).id();
        parts.items().remember(scope, Kind.TAG, term.id(), id, null);
        tagIds.put(term.id(), id);
        report.count(Kind.TAG, existed ? Outcome.UNCHANGED : Outcome.IMPORTED);
    }

    private void image(Checked image) {
        Optional<Media> existing = parts.images().existing(image);
        Media stored = existing.orElse(null);
        if (stored == null) {
            Optional<Media> fresh = parts.images().store(image);
            if (fresh.isEmpty()) {
                report.skip(new Skip(Kind.IMAGE, image.path(), "transfer.skip.image-unreadable"));
                return;
            }
            stored = fresh.get();
            this.stored.add(stored);
        }
        parts.items().remember(scope, Kind.IMAGE, image.path(), stored.id(), image.fileName());
        media.put(image.path(), stored);
        report.count(Kind.IMAGE, existing.isPresent() ? Outcome.UNCHANGED : Outcome.IMPORTED);
    }

    private void story(SourceExport.Entry entry) {
        Kind kind = entry.kind();
        String label = entry.id() + " «" + entry.title() + "»";
        String headline = cut(ImportBodies.plain(entry.title()), 300);
        if (headline.isBlank()) {
            report.skip(new Skip(kind, entry.id(), "transfer.skip.no-title"));
            return;
        }
        ImportBodies.Body body = body(source.format(), entry.html());
        body.droppedShortcodes().forEach(name -> report.note(new Skip(kind, label, "transfer.note.shortcode", name)));
        Section section = entry.sectionId() == null || !sections.containsKey(entry.sectionId()) ? fallbackSection()
                : sections.get(entry.sectionId());
        StoryStatus status = StoryStatus.valueOf(entry.status().toUpperCase(java.util.Locale.ROOT));
        Optional<ImportItems.Item> item = parts.items().find(scope, kind, entry.id());
        Optional<Story> before = item.flatMap(known -> parts.stories().find(known.targetId()));
        Instant published = entry.publishedAt();
        if (entry.unreadableDate() != null) {
            report.note(new Skip(kind, label, status == StoryStatus.PUBLISHED ? "transfer.note.unreadable-date.published"
                    : "transfer.note.unreadable-date", entry.unreadableDate()));
        } else if (published == null && status == StoryStatus.PUBLISHED) {
            report.note(new Skip(kind, label, "transfer.note.no-date"));
        }
        if (published == null && status == StoryStatus.PUBLISHED) {
            // A published item without a date keeps the time of its first import, so importing again changes nothing.
            published = before.map(Story::publishedAt)
                    .orElse(parts.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        if (published == null && status == StoryStatus.SCHEDULED) {
            status = StoryStatus.DRAFT;
        }
        Media lead = leadImage(entry, body);
        String html = ImportBodies.withLibraryImages(body.html(), ImportBodies.uploadsMarker(source.format()), media);
        NewStory story = new NewStory(edition.code(), section.id(), null, headline,
                cut(ImportBodies.plain(entry.excerpt()), 1000), html, null, status, false, false,
                lead == null ? null : lead.id(), null, null, null, published, null,
                entry.authorIds().stream().filter(authorIds::containsKey).map(authorIds::get).distinct().toList(),
                entry.tagIds().stream().filter(tagIds::containsKey).map(tagIds::get).distinct().toList());
        String fingerprint = ImportWriter.fingerprint(story);
        long id;
        if (before.isPresent() && fingerprint.equals(item.get().fingerprint())) {
            id = before.get().id();
            report.count(kind, Outcome.UNCHANGED);
        } else if (before.isPresent()) {
            id = before.get().id();
            parts.writer().replace(before.get(), story);
            report.count(kind, Outcome.UPDATED);
        } else {
            id = parts.writer().create(story);
            report.count(kind, Outcome.IMPORTED);
        }
        parts.items().remember(scope, kind, entry.id(), id, fingerprint);
        if (status == StoryStatus.PUBLISHED) {
            redirects(entry, label, parts.stories().find(id).orElseThrow(), section);
        }
    }

    /** The featured image, or else the first uploaded image of the body: bodies themselves carry no images. */
    private Media leadImage(SourceExport.Entry entry, ImportBodies.Body body) {
        if (entry.featuredPath() != null && media.containsKey(entry.featuredPath())) {
            return media.get(entry.featuredPath());
        }
        return body.imagePaths().stream().filter(media::containsKey).map(media::get).findFirst().orElse(null);
    }

    private void redirects(SourceExport.Entry entry, String label, Story story, Section section) {
        String path = parts.permalinks().story(edition.code(), section.slug(), story.id(), story.slug());
        for (String old : entry.oldPaths()) {
            boolean ours = parts.items().find(scope, Kind.REDIRECT, old).isPresent();
            Outcome outcome = parts.redirects().point(old, path, ours);
            if (outcome == Outcome.SKIPPED) {
                report.skip(new Skip(Kind.REDIRECT, label, "transfer.skip.old-path-taken", old));
                continue;
            }
            report.count(Kind.REDIRECT, outcome);
            if (outcome != Outcome.UNCHANGED || !ours) {
                parts.items().remember(scope, Kind.REDIRECT, old, story.id(), null);
            }
        }
    }

    /** The catch-all section of stories without one; kept out of the reader site's menu when the import makes it. */
    private Section fallbackSection() {
        return sections.computeIfAbsent("", none -> {
            boolean existed = parts.sections().find(edition.code(), FALLBACK_SECTION).isPresent();
            Section section = ensureSection(FALLBACK_SECTION,
                    parts.messages().getMessage("transfer.section.imported", null, edition.locale()), "");
            if (!existed) {
                parts.sections().showInMenu(section.id(), false);
            }
            return section;
        });
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
