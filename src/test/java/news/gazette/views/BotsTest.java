package news.gazette.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "TelegramBot (like TwitterBot)",
            "WhatsApp/2.23.20.0",
            "curl/8.5.0",
            "python-requests/2.31.0",
            "Go-http-client/1.1",
            "Java/17.0.15",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0)",
            "Mozilla/5.0 (Windows NT 10.0) Chrome-Lighthouse",
            ""})
    void crawlersPreviewersAndScriptsAreBots(String userAgent) {
        assertThat(Bots.isBot(userAgent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36"})
    void browsersAreReaders(String userAgent) {
        assertThat(Bots.isBot(userAgent)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void noUserAgentIsABot() {
        assertThat(Bots.isBot(null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bot", "Mybot", "bot;", "A bot/1", "x HeadlessFirefox", "headless", "Site Monitor 2",
            "Mozilla/5.0 (Robot bottle)", "ROBOT", "headlesschrome and headlessfox", "Ia_Archiver"})
    void wordBoundariesAndHeadlessBrowsersAreToldApart(String userAgent) {
        // The words as a regular expression, the way they were first written, is the reference.
        boolean expected = REFERENCE.matcher(userAgent.toLowerCase(java.util.Locale.ROOT)).find();
        assertThat(Bots.isBot(userAgent)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void somethingWithBotInsideAWordIsAReader() {
        assertThat(Bots.isBot("Mozilla/5.0 (X11) Robotics-Browser/1.0 bottle")).isFalse();
        assertThat(Bots.isBot("Mozilla/5.0 HeadlessChrome/140 but also headlessfox")).isTrue();
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "bot\\b|bot/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|quora link preview|"
                    + "whatsapp|telegrambot|skypeuripreview|bitlybot|vkshare|pinterest|ia_archiver|archive\\.org|"
                    + "curl/|wget/|python-requests|python-urllib|httpclient|okhttp|go-http-client|java/|libwww|"
                    + "scrapy|phantomjs|lighthouse|pingdom|uptimerobot|monitor|headless(?!chrome)|preview");
}
