package news.gazette.newsroom.desk;

import java.util.List;

/**
 * What the desk template shows besides its rows: the filters chosen, the choices each filter offers, the views and
 * the pages before and after, every link already made.
 */
public record DeskView(String edition, String view, String status, String section, String author, String q,
                       String from, String to, String sort, List<Choice> editions, List<Choice> statuses,
                       List<Choice> sections, List<Choice> authors, List<Choice> sorts, List<Choice> views,
                       int page, String previous, String next, String newStory) {

    /** One option of a filter or one tab: its value, what it says, the link to it, whether it is the one chosen. */
    public record Choice(String value, String label, String href, boolean current) {
    }
}
