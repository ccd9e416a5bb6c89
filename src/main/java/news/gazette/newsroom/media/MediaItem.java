package news.gazette.newsroom.media;

import java.util.List;

/**
 * An image as the media screen and the story editor's image picker see it.
 *
 * @param url       the original's address
 * @param thumbnail the narrowest stored width, for lists
 * @param srcset    every stored width with its width, for pages
 */
public record MediaItem(long id, String url, String thumbnail, String srcset, String alt, String caption, String credit,
                        int width, int height) {

    /** A page of the library as {@code library.json} answers it; {@code next} is the next page or {@code null}. */
    public record Page(List<MediaItem> items, Integer next) {
    }
}
