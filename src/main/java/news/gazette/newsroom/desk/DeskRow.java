package news.gazette.newsroom.desk;

/**
 * A story on the newsroom desk, as the desk shows it: its texts formatted for the reader, and the steps the
 * signed-in role may take from the list.
 *
 * @param state the status as the stylesheet names it ({@code draft}, {@code in_review}…)
 */
public record DeskRow(long id, String headline, String edition, String section, String status, String state,
                      String by, String changed, String published, long views, boolean publishable,
                      boolean unpublishable, boolean editable) {
}
