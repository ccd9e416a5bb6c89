package news.gazette.media;

/**
 * A stored image file.
 */
public record Media(long id, String fileName, String contentType, int width, int height) {
}
