package news.gazette.reader;

import java.util.List;

/**
 * The search page: the filter form, what was found and how to go on.
 *
 * @param heading       "Search" or "Results for …"
 * @param notice        a line under the heading (the input was cut), or {@code null}
 * @param summary       how many stories were found, or {@code null} before anything was searched
 * @param searched      the reader asked for something (words or filters)
 * @param emptyMessage  what the page says when nothing was found or nothing was asked
 * @param clearFilters  the same words without filters, when filters are set, else {@code null}
 */
public record SearchPage(String query, String heading, String notice, String summary, boolean searched,
                         List<Result> results, Filters filters, Pager pager, String emptyMessage, String clearFilters) {

    /**
     * One story found.
     *
     * @param headlineHtml HTML-escaped headline with the matched words in {@code <mark>}
     * @param snippetHtml  HTML-escaped passages of the body with the matched words in {@code <mark>}, or {@code null}
     */
    public record Result(String href, String headlineHtml, String snippetHtml, String standfirst, String sectionName,
                         String sectionHref, TimeView published, List<StoryPage.Link> authors, boolean live) {
    }

    /** The filter form's fields, each with its current value. */
    public record Filters(List<Option> sections, List<Option> authors, List<Option> orders, String from, String to,
                          String tag, String tagName) {
    }

    /** A choice in a select box. */
    public record Option(String value, String label, boolean selected) {
    }
}
