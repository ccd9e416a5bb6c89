package news.gazette.newsroom.administration;

/** What the form for a new app key holds: the defaults, or what was typed when it was refused. */
public record AppKeyForm(String name, String requestsPerSecond, String burst) {
}
