package news.gazette.newsroom.desk;

/**
 * A story on the newsroom desk, as the desk shows it.
 */
public record DeskRow(long id, String headline, String status, String published, boolean publishable,
                      boolean unpublishable, boolean editable) {
}
