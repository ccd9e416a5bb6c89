package news.gazette.views;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognizes crawlers, link previewers and scripts by their user agent, so they are not counted as readers.
 */
public final class Bots {

    private static final Pattern BOT = Pattern.compile(
            "bot\\b|bot/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|quora link preview|"
                    + "whatsapp|telegrambot|skypeuripreview|bitlybot|vkshare|pinterest|ia_archiver|archive\\.org|"
                    + "curl/|wget/|python-requests|python-urllib|httpclient|okhttp|go-http-client|java/|libwww|"
                    + "scrapy|phantomjs|lighthouse|pingdom|uptimerobot|monitor|headless(?!chrome)|preview");

    private Bots() {
    }

    public static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        return BOT.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
    }
}
