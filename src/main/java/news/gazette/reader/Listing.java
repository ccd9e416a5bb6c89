package news.gazette.reader;

import java.util.List;

/**
 * A page that lists stories: a section, an author, a tag or search results.
 *
 * @param kind         which of them, for the page's heading label ({@code section}, {@code author}, {@code tag}, {@code search})
 * @param description  a line under the heading, or {@code null}
 * @param emptyMessage what the page says when it lists nothing
 */
public record Listing(String kind, String heading, String description, List<Teaser> teasers, Pager pager,
                      String emptyMessage, String role, Teaser.Picture photo) {

    public Listing(String kind, String heading, String description, List<Teaser> teasers, Pager pager,
                   String emptyMessage) {
        this(kind, heading, description, teasers, pager, emptyMessage, null, null);
    }
}
