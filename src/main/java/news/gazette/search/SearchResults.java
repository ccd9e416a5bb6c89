package news.gazette.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param query         the input as it was searched (cleaned, perhaps cut)
 * @param cut           the input was longer than {@link ReaderQuery#MAX_LENGTH} and was cut
 * @param total         how many stories match; a lower bound when {@code exact} is false
 * @param sectionCounts matches per section slug, when asked for
 */
public record SearchResults(String query, boolean cut, long total, boolean exact, List<Hit> hits,
                            Map<String, Long> sectionCounts, int page, int size) {

    public int pages() {
        return (int) Math.min(SearchRequest.MAX_PAGE, Math.max(1, (total + size - 1) / size));
    }

    public boolean hasNext() {
        return page < pages();
    }

    static SearchResults empty(ReaderQuery query, int page, int size) {
        return new SearchResults(query.text(), query.cut(), 0, true, List.of(), Map.of(), page, size);
    }

    /**
     * A matching story.
     *
     * @param headlineHtml the headline, HTML-escaped, with the matched words in {@code <mark>}
     * @param snippetHtml  the best passages of the body, HTML-escaped, with the matched words in {@code <mark>}
     */
    public record Hit(long id, String slug, String headline, String headlineHtml, String standfirst,
                      String snippetHtml, String sectionSlug, String sectionName, Instant publishedAt,
                      List<IndexedStory.Named> tags, List<IndexedStory.Named> authors) {
    }
}
