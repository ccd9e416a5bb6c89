package news.gazette.story;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.text.XmlText;
import news.gazette.section.Sections;
import org.springframework.stereotype.Component;

/** Refuses a story state that cannot be stored, naming the field ({@link InvalidStoryException#field()}). */
@Component
class DraftChecks {

    static final int MAX_BODY = 1_000_000;

    private final Sections sections;
    private final Authors authors;
    private final MediaLibrary media;

    DraftChecks(Sections sections, Authors authors, MediaLibrary media) {
        this.sections = sections;
        this.authors = authors;
        this.media = media;
    }

    void check(String edition, StoryDraft draft) {
        if (blank(draft.headline()) || draft.headline().strip().length() > 300) {
            throw new InvalidStoryException("headline");
        }
        if (draft.standfirst() == null || draft.standfirst().strip().length() > 1000) {
            throw new InvalidStoryException("standfirst");
        }
        if (draft.bodyHtml() != null && draft.bodyHtml().length() > MAX_BODY) {
            throw new InvalidStoryException("body");
        }
        if (sections.byId(draft.sectionId()).filter(s -> s.edition().equals(edition)).isEmpty()) {
            throw new InvalidStoryException("section");
        }
        Set<Long> ofEdition = new HashSet<>(authors.inEdition(edition).stream().map(Author::id).toList());
        if (!ofEdition.containsAll(draft.authorIds())) {
            throw new InvalidStoryException("authors");
        }
        if (draft.tags().size() > 30) {
            throw new InvalidStoryException("tags");
        }
        if (!blank(draft.sourceName()) && (draft.sourceName().strip().length() > 200 || !webAddress(draft.sourceUrl()))) {
            throw new InvalidStoryException("source");
        }
        if (draft.imageId() != null && (media.byId(draft.imageId()).isEmpty() || blank(draft.imageAlt()))) {
            throw new InvalidStoryException("image");
        }
        if (length(draft.imageAlt()) > 500 || length(draft.imageCaption()) > 500 || length(draft.imageCredit()) > 200) {
            throw new InvalidStoryException("image");
        }
        if (length(draft.seoTitle()) > 300 || length(draft.seoDescription()) > 1000) {
            throw new InvalidStoryException("seo");
        }
        if (!blank(draft.slug()) && !draft.slug().strip().matches("[a-z0-9]+(-[a-z0-9]+)*") || length(draft.slug()) > 200) {
            throw new InvalidStoryException("slug");
        }
        for (long mediaId : StoryBodies.mediaIds(StoryBodies.parse(draft.bodyHtml()))) {
            if (media.byId(mediaId).isEmpty()) {
                throw new InvalidStoryException("body");
            }
        }
    }

    /**
     * The state to restore, with what no longer exists taken from the story as it is: a section or lead image deleted
     * since the revision, and authors no longer in the edition.
     */
    StoryDraft usable(String edition, StoryDraft restored, StoryDraft current) {
        boolean section = sections.byId(restored.sectionId()).filter(s -> s.edition().equals(edition)).isPresent();
        boolean image = restored.imageId() == null || media.byId(restored.imageId()).isPresent();
        Set<Long> ofEdition = new HashSet<>(authors.inEdition(edition).stream().map(Author::id).toList());
        return new StoryDraft(restored.headline(), restored.standfirst(), restored.bodyHtml(),
                section ? restored.sectionId() : current.sectionId(), restored.tags(),
                restored.authorIds().stream().filter(ofEdition::contains).toList(), restored.sourceName(),
                restored.sourceUrl(), image ? restored.imageId() : current.imageId(),
                image ? restored.imageAlt() : current.imageAlt(), image ? restored.imageCaption() : current.imageCaption(),
                image ? restored.imageCredit() : current.imageCredit(), restored.breaking(), restored.featured(),
                restored.seoTitle(), restored.seoDescription(), restored.slug());
    }

    /**
     * The draft without what XML cannot carry (control characters and the like, XmlText): feeds, sitemaps and the API
     * then never meet them, whatever was typed, pasted or sent.
     */
    static StoryDraft clean(StoryDraft d) {
        return new StoryDraft(XmlText.line(d.headline()), XmlText.clean(d.standfirst()), XmlText.clean(d.bodyHtml()),
                d.sectionId(), d.tags().stream().map(XmlText::line).toList(), d.authorIds(), XmlText.line(d.sourceName()),
                XmlText.line(d.sourceUrl()), d.imageId(), XmlText.line(d.imageAlt()), XmlText.line(d.imageCaption()),
                XmlText.line(d.imageCredit()), d.breaking(), d.featured(), XmlText.line(d.seoTitle()),
                XmlText.clean(d.seoDescription()), XmlText.line(d.slug()));
    }

    static boolean webAddress(String value) {
        if (blank(value) || value.length() > 1000) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int length(String value) {
        return value == null ? 0 : value.strip().length();
    }
}
