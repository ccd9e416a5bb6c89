package news.gazette.newsroom.media;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.newsroom.Screens;
import news.gazette.platform.web.Permalinks;
import org.springframework.stereotype.Component;

/** Builds the media picker's part of the story editor's page. */
@Component
public class PickerViews {

    private final Editions editions;
    private final MediaLibrary library;
    private final Screens screens;
    private final Permalinks links;

    PickerViews(Editions editions, MediaLibrary library, Screens screens, Permalinks links) {
        this.editions = editions;
        this.library = library;
        this.screens = screens;
        this.links = links;
    }

    /** The picker for a story (or {@code null} for one not saved yet) of this edition, with its featured image. */
    public PickerView of(Long story, String edition, Long imageId) {
        Media image = imageId == null ? null : library.byId(imageId).orElse(null);
        int width = image == null ? 0 : Math.min(320, image.width());
        return new PickerView(story, edition, editions.all().stream().map(Edition::code).toList(),
                screens.asset("/assets/js/picker.js"), image == null ? null : links.media(image.fileNameFor(320)),
                width, image == null ? 0 : image.heightAt(width));
    }
}
