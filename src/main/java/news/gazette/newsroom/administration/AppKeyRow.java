package news.gazette.newsroom.administration;

/** One API key for an app as the admins' screen lists it; {@code revoked} is empty while it works. */
public record AppKeyRow(long id, String name, String keyStart, String limit, String createdBy, String created,
                        String revoked) {
}
