package news.gazette.newsroom.media;

import java.util.List;

/**
 * An image as the media picker shows it: a thumbnail for the grid, the file the story's text shows, and what the
 * library says it shows (prefilled in the picker, so nobody types it again).
 *
 * @param thumbnail the narrowest stored width, for the grid
 * @param src       a 640-pixel-wide file (or the original when narrower), for the editor's text
 * @param name      the file name it was uploaded with
 */
public record PickerItem(long id, String thumbnail, String src, String srcset, String alt, String caption,
                         String credit, int width, int height, String name) {

    /**
     * A page of the picker.
     *
     * @param next  the next page's number, or {@code null} on the last page
     * @param story the story's own images (its featured image and those in its text), however old, on the first page
     */
    public record Page(List<PickerItem> items, Integer next, int page, List<PickerItem> story) {
    }
}
