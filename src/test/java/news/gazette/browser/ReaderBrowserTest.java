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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's controls in a real browser (headless Chromium): theme (and no flash of the wrong one), text size, copy
 * link and its toast, the language switcher, share links. Every test starts a fresh browser (empty storage); the
 * server is shared with {@link ReaderPageBrowserTest}.
 */
class ReaderBrowserTest extends ReaderInBrowser {

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
}
