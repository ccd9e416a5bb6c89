package news.gazette.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reader site's browser tests share ({@link ReaderBrowserTest}, {@link ReaderPageBrowserTest}): one server
 * with the demo content on a fresh H2 database, one Chromium per class, and helpers that read pages and styles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.demo-content=true",
        // No flush while the tests run: a page then renders the stored count and the beacon answers stored + pending,
        // so the view-count test sees exact numbers instead of racing the flush against the beacon's 5 s cache.
        "gazette.views.flush-interval=1h",
        // Selenium looks for a CDP binding for this Chromium and finds none; the raw CDP commands used here need none.
        "logging.level.org.openqa.selenium.devtools=ERROR"})
@SharedDatabase(TestDatabases.Kind.H2)
abstract class ReaderInBrowser {

    @RegisterExtension
    static Browser browser = new Browser();

    static final Pattern STORY_PATH = Pattern.compile("^/(en|ru|hy)/[a-z0-9-]+/[0-9]+-[^/?#]+$");

    @LocalServerPort
    int port;

    // ---- helpers ----

    String base() {
        return "http://localhost:" + port;
    }

    /** The absolute address of the edition front page's lead story, read from the server-rendered page. */
    String leadStory(String edition) {
        Document front = fetch("/" + edition + "/");
        String href = front.select(".lead .teaser-headline a").attr("href");
        assertThat(href).as("lead story link on /" + edition + "/").matches(STORY_PATH);
        return base() + href;
    }

    String firstStoryOf(String listingPath) {
        Document listing = fetch(listingPath);
        return listing.select("a[href]").stream().map(a -> a.attr("href"))
                .filter(href -> STORY_PATH.matcher(href).matches())
                .findFirst().map(href -> base() + href)
                .orElseThrow(() -> new AssertionError("No story link on " + listingPath));
    }

    Document fetch(String path) {
        try {
            return Jsoup.connect(base() + path).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String message(String edition, String key) {
        String file = "en".equals(edition) ? "/messages.properties" : "/messages_" + edition + ".properties";
        try (InputStream in = ReaderInBrowser.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void emulateColorScheme(ChromeDriver driver, String scheme) {
        Browser.cdp(driver, "Emulation.setEmulatedMedia", Map.of(
                "media", "",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static String htmlAttribute(ChromeDriver driver, String name) {
        return (String) js(driver, "return document.documentElement.getAttribute(arguments[0])", name);
    }

    static String backgroundOf(ChromeDriver driver, String selector) {
        return (String) js(driver, "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", selector);
    }

    static double fontSize(ChromeDriver driver, String selector) {
        String size = (String) js(driver, "return getComputedStyle(document.querySelector(arguments[0])).fontSize", selector);
        return Double.parseDouble(size.replace("px", ""));
    }

    static String shownViews(ChromeDriver driver) {
        return driver.findElement(By.cssSelector("[data-views]")).getText().trim();
    }

    static String path(String url) {
        return URI.create(url).getPath();
    }

    static final Pattern RGB = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)(?:,\\s*([0-9.]+))?\\)");

    /** Relative luminance (0 black to 1 white) of a computed CSS colour; a transparent colour counts as white. */
    static double luminance(String cssColor) {
        Matcher m = RGB.matcher(cssColor);
        assertThat(m.matches()).as("a computed colour: " + cssColor).isTrue();
        if (m.group(4) != null && Double.parseDouble(m.group(4)) == 0) {
            return 1;
        }
        double r = channel(Integer.parseInt(m.group(1)));
        double g = channel(Integer.parseInt(m.group(2)));
        double b = channel(Integer.parseInt(m.group(3)));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
