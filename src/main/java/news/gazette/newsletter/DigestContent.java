package news.gazette.newsletter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.gazette.edition.Edition;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.text.Texts;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.FrontArrangement;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.views.MostRead;
import org.springframework.stereotype.Component;

/** Makes an edition's digest from the front page's arrangement and the most read, with absolute addresses. */
@Component
class DigestContent {

    /** The width of images in mail: wide enough for a phone at twice its pixels, small enough to load at once. */
    static final int IMAGE_WIDTH = 640;

    private final FrontArrangement front;
    private final MostRead mostRead;
    private final Stories stories;
    private final Sections sections;
    private final MediaLibrary media;
    private final Permalinks links;
    private final MailLinks mailLinks;

    DigestContent(FrontArrangement front, MostRead mostRead, Stories stories, Sections sections, MediaLibrary media,
                  Permalinks links, MailLinks mailLinks) {
        this.front = front;
        this.mostRead = mostRead;
        this.stories = stories;
        this.sections = sections;
        this.media = media;
        this.links = links;
        this.mailLinks = mailLinks;
    }

    Digest of(Edition edition, Texts t, LocalDate day) {
        FrontArrangement.Front arrangement = front.of(edition.code());
        List<Story> read = stories.publishedByIds(mostRead.inEdition(edition.code(), FrontArrangement.MOST_READ));
        Set<Long> imageIds = new HashSet<>();
        collectImages(arrangement, read, imageIds);
        Map<Long, Media> images = imageIds.isEmpty() ? Map.of() : media.byIds(imageIds);
        String subject = t.get("newsletter.digest.subject", edition.outletName(),
                day.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                        .withLocale(edition.locale())));
        DigestItem lead = arrangement.lead() == null ? null : item(arrangement.lead(), images);
        List<Digest.Block> blocks = new ArrayList<>();
        for (FrontArrangement.SectionStories block : arrangement.sections()) {
            blocks.add(new Digest.Block(block.section().name(),
                    mailLinks.absolute(links.section(edition.code(), block.section().slug())),
                    block.stories().stream().map(s -> item(s, images)).toList()));
        }
        return new Digest(edition.code(), subject, t.get("newsletter.digest.intro", edition.outletName()), lead,
                arrangement.top().stream().map(s -> item(s, images)).toList(), blocks,
                read.stream().map(s -> item(s, images)).toList(), mailLinks.absolute(links.front(edition.code())));
    }

    /** One story as mail shows it (a breaking alert, a test). */
    DigestItem item(Story story) {
        Map<Long, Media> images = story.image() == null ? Map.of() : media.byIds(List.of(story.image().mediaId()));
        return item(story, images);
    }

    private DigestItem item(Story story, Map<Long, Media> images) {
        Section section = sections.byId(story.sectionId()).orElse(null);
        String slug = section == null ? "-" : section.slug();
        String url = mailLinks.absolute(links.story(story.edition(), slug, story.id(), story.slug()));
        String image = null;
        String alt = "";
        Media m = story.image() == null ? null : images.get(story.image().mediaId());
        if (m != null && m.usable()) {
            image = mailLinks.absolute(links.media(m.fileNameFor(IMAGE_WIDTH)));
            alt = story.image().alt() == null ? "" : story.image().alt();
        }
        return new DigestItem(story.headline(), story.standfirst() == null ? "" : story.standfirst(), url,
                section == null ? "" : section.name(), image, alt);
    }

    private static void collectImages(FrontArrangement.Front arrangement, Collection<Story> read, Set<Long> ids) {
        List<Story> all = new ArrayList<>(read);
        if (arrangement.lead() != null) {
            all.add(arrangement.lead());
        }
        all.addAll(arrangement.top());
        arrangement.sections().forEach(block -> all.addAll(block.stories()));
        all.stream().filter(s -> s.image() != null).forEach(s -> ids.add(s.image().mediaId()));
    }
}
