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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader site in a real browser (headless Chromium): the parts that only exist once JavaScript and CSS run.
 * Every test starts a fresh browser (empty storage) against one server with the demo content and a fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.demo-content=true",
        // No flush while the tests run: a page then renders the stored count and the beacon answers stored + pending,
        // so the view-count test sees exact numbers instead of racing the flush against the beacon's 5 s cache.
        "gazette.views.flush-interval=1h",
        // Selenium looks for a CDP binding for this Chromium and finds none; the raw CDP commands used here need none.
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class ReaderBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    private static final Pattern STORY_PATH = Pattern.compile("^/(en|ru|hy)/[a-z0-9-]+/[0-9]+-[^/?#]+$");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    // ---- a. theme ----

    @Test
    void themeToggleTurnsThePageDarkAndTheChoiceIsAppliedBeforeFirstPaintAfterReload() {
        String story = leadStory("en");
        assertThat(fetch(path(story)).select("[data-theme-toggle]").hasAttr("hidden"))
                .as("the toggle is hidden until the script shows it").isTrue();
        ChromeDriver driver = browser.newPage(base());
        emulateColorScheme(driver, "light");
        driver.get(story);

        WebElement toggle = Browser.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-theme-toggle]")));
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(htmlAttribute(driver, "data-theme")).isNull();
        assertThat(luminance(backgroundOf(driver, "body"))).as("light page background").isGreaterThan(0.8);

        toggle.click();

        Browser.waitFor(driver).until(d -> "dark".equals(htmlAttribute(driver, "data-theme")));
        Browser.waitFor(driver).until(d -> luminance(backgroundOf(driver, "body")) < 0.1);
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(js(driver, "return localStorage.getItem('gazette.theme')")).isEqualTo("dark");

        // Watch the next document from its very start: when the theme attribute arrives relative to <body>, and what
        // the first animation frame (which comes before the first paint) sees.
        Browser.cdp(driver, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (function () {
                  var probe = window.__themeProbe = { events: [] };
                  new MutationObserver(function (records) {
                    records.forEach(function (r) {
                      if (r.type === 'attributes' && r.target === document.documentElement) {
                        probe.events.push('theme');
                      }
                      if (r.type === 'childList') {
                        r.addedNodes.forEach(function (n) { if (n.nodeName === 'BODY') { probe.events.push('body'); } });
                      }
                    });
                  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-theme'] });
                  requestAnimationFrame(function () {
                    var html = document.documentElement;
                    probe.firstFrame = {
                      theme: html.getAttribute('data-theme'),
                      background: getComputedStyle(html).backgroundColor,
                      time: performance.now()
                    };
                  });
                }());
                """));
        driver.navigate().refresh();

        Browser.waitFor(driver).until(d -> js(driver, "return window.__themeProbe && window.__themeProbe.firstFrame") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> probe = (Map<String, Object>) js(driver, "return window.__themeProbe");
        @SuppressWarnings("unchecked")
        List<Object> events = (List<Object>) probe.get("events");
        assertThat(events).as("the theme is set while the head is parsed, before <body> exists")
                .containsExactly("theme", "body");
        @SuppressWarnings("unchecked")
        Map<String, Object> firstFrame = (Map<String, Object>) probe.get("firstFrame");
        assertThat(firstFrame.get("theme")).as("theme at the first frame").isEqualTo("dark");
        assertThat(luminance((String) firstFrame.get("background"))).as("html background at the first frame: "
                + firstFrame.get("background")).isLessThan(0.1);
        // Paint timing arrives a little after the paint itself.
        Number firstPaint = Browser.waitFor(driver).until(d -> (Number) js(driver, """
                var paint = performance.getEntriesByName('first-paint')[0];
                return paint ? paint.startTime : null;"""));
        assertThat(((Number) firstFrame.get("time")).doubleValue()).as("the probe frame came before the first paint")
                .isLessThanOrEqualTo(firstPaint.doubleValue());

        assertThat(htmlAttribute(driver, "data-theme")).isEqualTo("dark");
        assertThat(luminance(backgroundOf(driver, "body"))).isLessThan(0.1);
        WebElement toggleAfterReload = Browser.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-theme-toggle]")));
        assertThat(toggleAfterReload.getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void aDarkSystemPreferenceMakesThePageDarkWithoutAClickAndTheToggleOffersLight() {
        ChromeDriver driver = browser.newPage(base());
        emulateColorScheme(driver, "dark");
        driver.get(leadStory("en"));

        WebElement toggle = Browser.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-theme-toggle]")));
        assertThat(htmlAttribute(driver, "data-theme")).as("no stored choice").isNull();
        assertThat(luminance(backgroundOf(driver, "body"))).as("dark page background").isLessThan(0.1);
        assertThat(luminance(backgroundOf(driver, "html"))).as("dark canvas").isLessThan(0.1);
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");

        toggle.click();

        Browser.waitFor(driver).until(d -> "light".equals(htmlAttribute(driver, "data-theme")));
        Browser.waitFor(driver).until(d -> luminance(backgroundOf(driver, "body")) > 0.8);
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(js(driver, "return localStorage.getItem('gazette.theme')")).isEqualTo("light");
    }

    // ---- b. font size ----

    @Test
    void largerTextGrowsTheStoryBodyOnlyIsRememberedOnTheNextStoryAndStopsAtTheEnds() {
        ChromeDriver driver = browser.newPage(base());
        driver.get(leadStory("en"));
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-font-controls]")));
        double bodyBefore = fontSize(driver, ".story-body");
        double headlineBefore = fontSize(driver, ".story-headline");
        double paragraphBefore = fontSize(driver, ".story-body p");

        driver.findElement(By.cssSelector("[data-font-step='1']")).click();

        Browser.waitFor(driver).until(d -> fontSize(driver, ".story-body") > bodyBefore);
        double larger = fontSize(driver, ".story-body");
        assertThat(fontSize(driver, ".story-body p")).as("paragraphs grow with the body").isGreaterThan(paragraphBefore);
        assertThat(fontSize(driver, ".story-headline")).as("the headline keeps its size").isEqualTo(headlineBefore);
        assertThat(js(driver, "return localStorage.getItem('gazette.fontStep')")).isEqualTo("2");

        String other = driver.findElement(By.cssSelector(".more-from-section .teaser-headline a")).getAttribute("href");
        assertThat(other).isNotEqualTo(driver.getCurrentUrl());
        driver.get(other);
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-font-controls]")));
        assertThat(driver.getCurrentUrl()).isEqualTo(other);
        assertThat(fontSize(driver, ".story-body")).as("the larger size is remembered on another story").isEqualTo(larger);

        WebElement smaller = driver.findElement(By.cssSelector("[data-font-step='-1']"));
        WebElement bigger = driver.findElement(By.cssSelector("[data-font-step='1']"));
        smaller.click();
        smaller.click();
        Browser.waitFor(driver).until(d -> !smaller.isEnabled());
        assertThat(fontSize(driver, ".story-body")).as("smallest size").isLessThan(bodyBefore);
        assertThat(bigger.isEnabled()).isTrue();
        assertThat(js(driver, "return localStorage.getItem('gazette.fontStep')")).isEqualTo("0");

        for (int i = 0; i < 4; i++) {
            bigger.click();
        }
        Browser.waitFor(driver).until(d -> !bigger.isEnabled());
        assertThat(smaller.isEnabled()).isTrue();
        assertThat(fontSize(driver, ".story-body")).as("largest size").isGreaterThan(larger);
        assertThat(fontSize(driver, ".story-headline")).as("the headline still keeps its size").isEqualTo(headlineBefore);
    }

    // ---- c. copy link ----

    @Test
    void copyLinkShowsTheRussianToastAndPutsTheStoryAddressOnTheClipboard() {
        copyLink("ru", "Ссылка скопирована");
    }

    @Test
    void copyLinkShowsTheArmenianToastAndPutsTheStoryAddressOnTheClipboard() {
        copyLink("hy", "Հղումը պատճենվեց");
    }

    private void copyLink(String edition, String expectedToast) {
        assertThat(message(edition, "share.copied")).as("the bundle's text").isEqualTo(expectedToast);
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Browser.grantPermissions", Map.of(
                "origin", base(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        String story = leadStory(edition);
        driver.get(story);
        assertThat(path(driver.getCurrentUrl())).startsWith("/" + edition + "/");

        WebElement copy = Browser.waitFor(driver)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-copy-link]")));
        copy.click();

        WebElement toast = driver.findElement(By.cssSelector("[data-toast]"));
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElement(toast, expectedToast));
        assertThat(toast.getText()).isEqualTo(expectedToast);
        assertThat(toast.getAttribute("class")).contains("visible");
        Object clipboard = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                navigator.clipboard.readText().then(done, function (e) { done('clipboard unreadable: ' + e); });""");
        assertThat(clipboard).isEqualTo(story);
    }

    // ---- d. language switcher ----

    @Test
    void theLanguageSwitcherLeadsFromTheEnglishStoryToItsRussianTranslation() {
        ChromeDriver driver = browser.newPage(base());
        driver.get(base() + "/en/");
        WebElement lead = driver.findElement(By.cssSelector(".lead .teaser-headline a"));
        lead.click();
        Browser.waitFor(driver).until(d -> STORY_PATH.matcher(path(d.getCurrentUrl())).matches());
        assertThat(path(driver.getCurrentUrl())).as("the night-trains story leads /en/")
                .startsWith("/en/world/").contains("-overnight-train-between-yerevan-and-tbilisi");
        String englishHeadline = driver.findElement(By.cssSelector(".story-headline")).getText();

        driver.findElement(By.cssSelector(".languages a[hreflang='ru']")).click();

        Browser.waitFor(driver).until(d -> path(d.getCurrentUrl()).startsWith("/ru/"));
        assertThat(path(driver.getCurrentUrl())).startsWith("/ru/world/").matches(STORY_PATH);
        assertThat(htmlAttribute(driver, "lang")).isEqualTo("ru");
        String russianHeadline = driver.findElement(By.cssSelector(".story-headline")).getText();
        assertThat(russianHeadline).isNotBlank().isNotEqualTo(englishHeadline).containsPattern("\\p{IsCyrillic}");
        assertThat(driver.findElement(By.cssSelector(".languages a[hreflang='ru']")).getAttribute("aria-current"))
                .isEqualTo("true");
    }

    // ---- e. share links ----

    @Test
    void everyShareLinkCarriesTheEncodedAbsoluteStoryAddress() {
        ChromeDriver driver = browser.newPage(base());
        String story = leadStory("en");
        driver.get(story);
        assertThat(driver.getCurrentUrl()).isEqualTo(story);
        String encoded = URLEncoder.encode(story, StandardCharsets.UTF_8);

        Map<String, String> targets = Map.of(
                "x", "https://x.com/",
                "facebook", "https://www.facebook.com/",
                "telegram", "https://t.me/",
                "whatsapp", "https://wa.me/",
                "email", "mailto:");
        targets.forEach((network, prefix) -> {
            WebElement link = driver.findElement(By.cssSelector("a[data-share='" + network + "']"));
            assertThat(link.isDisplayed()).as(network + " link shown").isTrue();
            assertThat(link.getDomAttribute("href")).as(network + " link").startsWith(prefix).contains(encoded);
        });
        // Where the network takes a text along with the link, it is the story's headline.
        String headline = driver.findElement(By.cssSelector("h1.story-headline")).getText();
        String encodedHeadline = URLEncoder.encode(headline, StandardCharsets.UTF_8);
        for (String network : List.of("x", "telegram")) {
            assertThat(driver.findElement(By.cssSelector("a[data-share='" + network + "']")).getDomAttribute("href"))
                    .as(network + " text").contains("text=" + encodedHeadline);
        }
        assertThat(driver.findElement(By.cssSelector("a[data-share='email']")).getDomAttribute("href"))
                .contains("subject=" + encodedHeadline.replace("+", "%20"));
    }

    // ---- keyboard ----

    @Test
    void theKeyboardAloneReachesEveryControlAndFocusIsAlwaysVisible() {
        ChromeDriver driver = browser.newPage(base());
        driver.get(leadStory("hy"));
        // The page's script has run (it shows the theme toggle) and the page is laid out before the controls are counted.
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-theme-toggle]")));
        String visibleControls = """
                return [...document.querySelectorAll('a[href], button, input, select, textarea')]
                  .filter(e => e.tabIndex >= 0 && !e.disabled && e.offsetParent !== null
                    && getComputedStyle(e).visibility !== 'hidden')
                  .map(e => e.outerHTML.slice(0, 120));""";
        Browser.waitFor(driver).until(d -> ((List<?>) js(driver, visibleControls)).size() > 30);
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) js(driver, visibleControls);
        assertThat(controls).hasSizeGreaterThan(30);
        java.util.Set<String> reached = new java.util.LinkedHashSet<>();
        List<String> invisibleFocus = new java.util.ArrayList<>();
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int i = 0; i < controls.size() + 5; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            String focused = (String) js(driver, "return document.activeElement.outerHTML.slice(0, 120)");
            reached.add(focused);
            Boolean visible = (Boolean) js(driver, """
                    const e = document.activeElement, s = getComputedStyle(e);
                    return e === document.body || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
                      || s.boxShadow !== 'none';""");
            if (!visible) {
                invisibleFocus.add(focused);
            }
        }
        // The first stop is the skip link, and every visible control is reached.
        assertThat(reached.iterator().next()).contains("skip-link");
        assertThat(reached).containsAll(controls);
        assertThat(invisibleFocus).as("controls focused without a visible focus ring").isEmpty();
    }

    // ---- f. copy with attribution ----

    @Test
    void copiedStoryTextCarriesTheEditionsAttributionAndTheStoryAddress() {
        ChromeDriver driver = browser.newPage(base());
        for (String edition : List.of("en", "ru", "hy")) {
            String story = leadStory(edition);
            driver.get(story);
            Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-theme-toggle]")));
            @SuppressWarnings("unchecked")
            Map<String, Object> copied = (Map<String, Object>) js(driver, """
                    var paragraph = document.querySelector('.story-body p');
                    var range = document.createRange();
                    range.selectNodeContents(paragraph);
                    var selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    var data = new DataTransfer();
                    var event = new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true });
                    paragraph.dispatchEvent(event);
                    return { selected: selection.toString(), text: data.getData('text/plain'),
                             html: data.getData('text/html'), prevented: event.defaultPrevented };""");
            String note = message(edition, "story.copied-from");
            String selected = (String) copied.get("selected");
            assertThat(selected).isNotBlank();
            assertThat(copied.get("prevented")).as("the page replaced the copied text").isEqualTo(true);
            assertThat((String) copied.get("text")).as(edition + " copied text")
                    .startsWith(selected)
                    .contains(note)
                    .endsWith(story)
                    .isEqualTo(selected + "\n\n" + note + " " + story);
            assertThat((String) copied.get("html")).contains(note).contains("href=\"" + story + "\"");
        }
    }

    // ---- g. view count ----

    @Test
    void openingAStoryCountsOneViewAndReloadingDoesNotCountTheSameReaderAgain() {
        ChromeDriver driver = browser.newPage(base());
        // A reader is an address plus a user agent; a user agent of its own keeps other tests' visits out of this count.
        String userAgent = (String) js(driver, "return navigator.userAgent") + " GazetteReader/" + UUID.randomUUID();
        Browser.cdp(driver, "Emulation.setUserAgentOverride", Map.of("userAgent", userAgent));
        Browser.cdp(driver, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (function () {
                  var state = window.__views = { rendered: null, beacons: [] };
                  document.addEventListener('DOMContentLoaded', function () {
                    state.rendered = document.querySelector('[data-views]').textContent;
                  });
                  var original = window.fetch;
                  window.fetch = function (url, init) {
                    var call = { url: String(url), done: false };
                    state.beacons.push(call);
                    var answer = original.apply(this, arguments);
                    answer.then(function (r) { return r.clone().json(); })
                      .then(function (d) { call.views = d.views; call.done = true; },
                            function (e) { call.error = String(e); call.done = true; });
                    return answer;
                  };
                }());
                """));
        String story = firstStoryOf("/en/culture/");

        driver.get(story);
        Browser.waitFor(driver).until(d -> js(driver, "return window.__views.rendered") != null);
        long rendered = Long.parseLong(((String) js(driver, "return window.__views.rendered")).trim());
        Browser.waitFor(driver).until(d -> !String.valueOf(rendered).equals(shownViews(driver)));
        assertThat(Long.parseLong(shownViews(driver))).as("one view more than rendered").isEqualTo(rendered + 1);

        driver.navigate().refresh();
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(
                js(driver, "var b = window.__views.beacons; return b.length > 0 && b[0].done")));
        @SuppressWarnings("unchecked")
        Map<String, Object> beacon = (Map<String, Object>) js(driver, "return window.__views.beacons[0]");
        assertThat(beacon.get("error")).isNull();
        long answered = ((Number) beacon.get("views")).longValue();
        Browser.waitFor(driver).until(d -> String.valueOf(answered).equals(shownViews(driver)));
        assertThat(answered).as("the same reader is not counted twice").isEqualTo(rendered + 1);
    }

    // ---- h. print ----

    @Test
    void printingShowsTheStoryWithoutTheSitesFurniture() {
        ChromeDriver driver = browser.newPage(base());
        driver.get(leadStory("en"));
        for (String furniture : List.of(".site-header", ".site-footer", ".share")) {
            assertThat(driver.findElement(By.cssSelector(furniture)).isDisplayed()).as(furniture + " on screen").isTrue();
        }

        Browser.cdp(driver, "Emulation.setEmulatedMedia", Map.of("media", "print"));

        Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".site-header")));
        for (String furniture : List.of(".site-header", ".site-footer", ".share")) {
            assertThat(driver.findElement(By.cssSelector(furniture)).isDisplayed()).as(furniture + " in print").isFalse();
        }
        for (String story : List.of(".story-headline", ".story-body")) {
            assertThat(driver.findElement(By.cssSelector(story)).isDisplayed()).as(story + " in print").isTrue();
        }
    }

    // ---- without JavaScript ----

    @Test
    void withoutJavaScriptTheControlsThatNeedItAreNotShown() {
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Emulation.setScriptExecutionDisabled", Map.of("value", true));
        driver.get(leadStory("en"));

        assertThat(driver.findElement(By.cssSelector(".story-headline")).isDisplayed()).isTrue();
        for (String control : List.of("[data-theme-toggle]", "[data-font-controls]", "[data-copy-link]", "[data-print]",
                "[data-native-share]")) {
            assertThat(driver.findElement(By.cssSelector(control)).isDisplayed()).as(control + " without JavaScript")
                    .isFalse();
        }
        assertThat(driver.findElement(By.cssSelector("a[data-share='x']")).isDisplayed()).as("plain share links")
                .isTrue();
    }

    // ---- no errors ----

    @Test
    void pagesRunWithoutScriptErrorsOrContentSecurityPolicyViolations() {
        ChromeDriver driver = browser.newPage(base());
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier tabs logged
        List<String> pages = List.of(base() + "/en/", leadStory("en"), leadStory("ru"), leadStory("hy"));
        for (String page : pages) {
            driver.get(page);
            Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-theme-toggle]")));
        }
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                // The site has no favicon (yet); the browser's request for it is not the page's doing.
                .filter(message -> !message.contains("/favicon.ico"))
                .toList();
        assertThat(problems).as("console warnings and errors").isEmpty();
    }

    // ---- helpers ----

    private String base() {
        return "http://localhost:" + port;
    }

    /** The absolute address of the edition front page's lead story, read from the server-rendered page. */
    private String leadStory(String edition) {
        Document front = fetch("/" + edition + "/");
        String href = front.select(".lead .teaser-headline a").attr("href");
        assertThat(href).as("lead story link on /" + edition + "/").matches(STORY_PATH);
        return base() + href;
    }

    private String firstStoryOf(String listingPath) {
        Document listing = fetch(listingPath);
        return listing.select("a[href]").stream().map(a -> a.attr("href"))
                .filter(href -> STORY_PATH.matcher(href).matches())
                .findFirst().map(href -> base() + href)
                .orElseThrow(() -> new AssertionError("No story link on " + listingPath));
    }

    private Document fetch(String path) {
        try {
            return Jsoup.connect(base() + path).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(String edition, String key) {
        String file = "en".equals(edition) ? "/messages.properties" : "/messages_" + edition + ".properties";
        try (InputStream in = ReaderBrowserTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void emulateColorScheme(ChromeDriver driver, String scheme) {
        Browser.cdp(driver, "Emulation.setEmulatedMedia", Map.of(
                "media", "",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String htmlAttribute(ChromeDriver driver, String name) {
        return (String) js(driver, "return document.documentElement.getAttribute(arguments[0])", name);
    }

    private static String backgroundOf(ChromeDriver driver, String selector) {
        return (String) js(driver, "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", selector);
    }

    private static double fontSize(ChromeDriver driver, String selector) {
        String size = (String) js(driver, "return getComputedStyle(document.querySelector(arguments[0])).fontSize", selector);
        return Double.parseDouble(size.replace("px", ""));
    }

    private static String shownViews(ChromeDriver driver) {
        return driver.findElement(By.cssSelector("[data-views]")).getText().trim();
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)(?:,\\s*([0-9.]+))?\\)");

    /** Relative luminance (0 black to 1 white) of a computed CSS colour; a transparent colour counts as white. */
    private static double luminance(String cssColor) {
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

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
