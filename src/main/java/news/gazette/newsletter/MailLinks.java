package news.gazette.newsletter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses for mail, which is read far from any request: {@code gazette.newsletter.public-url}, else
 * {@code gazette.public-url}. Also the newsletter's own pages on the reader site.
 */
@Component
public class MailLinks {

    private final String base;

    MailLinks(NewsletterProperties properties, @Value("${gazette.public-url:}") String publicUrl) {
        String chosen = !properties.publicUrl().isBlank() ? properties.publicUrl()
                : !publicUrl.isBlank() ? publicUrl : "http://localhost:8080";
        this.base = chosen.endsWith("/") ? chosen.substring(0, chosen.length() - 1) : chosen;
    }

    public String absolute(String path) {
        return base + path;
    }

    /** Where an edition's subscribe form posts. */
    public static String subscribe(String edition) {
        return "/newsletter/" + edition + "/subscribe";
    }

    static String confirm(String token) {
        return "/newsletter/confirm?t=" + token;
    }

    static String unsubscribe(String token) {
        return "/newsletter/unsubscribe?t=" + token;
    }
}
