package news.gazette.newsroom.desk;

/** A story an alert may lead to, as the alert screen's select lists it. */
public record StoryChoice(long id, String headline) {
}
