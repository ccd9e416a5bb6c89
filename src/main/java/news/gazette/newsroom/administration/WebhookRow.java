package news.gazette.newsroom.administration;

/**
 * A webhook endpoint as the admins' list shows it.
 */
public record WebhookRow(long id, String url, String events, boolean allowPrivate) {
}
