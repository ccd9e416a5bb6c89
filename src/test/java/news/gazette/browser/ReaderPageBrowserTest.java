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
 * A story page in a real browser (headless Chromium): the keyboard reaching every control, the attribution on copied
 * text, views counted once per reader, print, the page without JavaScript, a clean console. Every test starts a fresh
 * browser (empty storage); the server is shared with {@link ReaderBrowserTest}.
 */
class ReaderPageBrowserTest extends ReaderInBrowser {

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
}
