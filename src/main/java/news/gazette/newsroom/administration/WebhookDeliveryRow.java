package news.gazette.newsroom.administration;

/**
 * One delivery as an endpoint's delivery log shows it.
 */
public record WebhookDeliveryRow(String created, String event, String story, String state, String attempts,
                                 String next, String status, String response) {
}
