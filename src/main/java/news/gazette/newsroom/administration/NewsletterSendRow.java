package news.gazette.newsroom.administration;

/** A send as the newsletter screen lists it. */
public record NewsletterSendRow(String when, String edition, String kind, String subject, int recipients,
                                long delivered, long waiting, long failed, long skipped,
                                int bounced) {
}
