package news.gazette.newsroom.media;

/**
 * An image on the newsroom's media screen.
 *
 * @param editable whether the signed-in account may change its alt text, caption and credit
 */
public record MediaRow(MediaItem item, String fileName, String uploadedBy, String uploadedAt, boolean editable) {
}
