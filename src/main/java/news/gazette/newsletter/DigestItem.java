package news.gazette.newsletter;

/**
 * A story as newsletter mail shows it: every address absolute, so links and images work in a mail program.
 *
 * @param image    the image's absolute address, or {@code null}
 * @param imageAlt the image's text alternative ({@code ""} when it only decorates)
 */
public record DigestItem(String headline, String standfirst, String url, String section, String image, String imageAlt) {
}
