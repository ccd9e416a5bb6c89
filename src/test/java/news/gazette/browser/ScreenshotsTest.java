package news.gazette.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import news.gazette.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-page screenshots of the reader site with the demo content, for the docs: {@code docs/screenshots/}.
 * Runs only on request: {@code ./mvnw -q test -Dtest=ScreenshotsTest -Dgazette.screenshots=true}.
 */
@EnabledIfSystemProperty(named = "gazette.screenshots", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.demo-content=true",
        "gazette.admin.email=chief@example.org", "gazette.admin.password=screenshot-admin-secret",
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class ScreenshotsTest {

    @RegisterExtension
    static Browser browser = new Browser();

    private static final Path OUT = Paths.get("docs", "screenshots");
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void englishStoryLight() throws IOException {
        shoot("story-en-light.png", leadStory("en"), "light", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void englishStoryDark() throws IOException {
        shoot("story-en-dark.png", leadStory("en"), "dark", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void russianStoryLight() throws IOException {
        shoot("story-ru-light.png", leadStory("ru"), "light", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void armenianStoryDark() throws IOException {
        shoot("story-hy-dark.png", leadStory("hy"), "dark", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void englishStoryOnAPhone() throws IOException {
        shoot("story-en-phone.png", leadStory("en"), "light", 390, 844, true);
    }

    @Test
    void newsroomFrontPage() throws IOException {
        signIn = true;
        shoot("newsroom-front-page.png", base() + "/newsroom/front-page?edition=en", "light", DESKTOP_WIDTH,
                DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomDesk() throws IOException {
        signIn = true;
        shoot("newsroom-desk.png", base() + "/newsroom", "light", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomDeskOnAPhone() throws IOException {
        signIn = true;
        shoot("newsroom-desk-phone.png", base() + "/newsroom?view=today", "light", 390, 844, true);
    }

    @Test
    void newsroomEditor() throws IOException {
        signIn = true;
        waitFor = ".tox-edit-area iframe";
        shoot("newsroom-editor.png", base() + "/newsroom/stories/" + leadStoryId("en") + "/edit", "light",
                DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomEditorOnAPhone() throws IOException {
        signIn = true;
        waitFor = ".tox-edit-area iframe";
        shoot("newsroom-editor-phone.png", base() + "/newsroom/stories/" + leadStoryId("en") + "/edit", "light",
                390, 844, true);
    }

    @Test
    void newsroomPicker() throws IOException {
        signIn = true;
        waitFor = ".tox-edit-area iframe";
        viewportOnly = true;
        then = driver -> {
            driver.findElement(org.openqa.selenium.By.cssSelector("[data-picker-open=lead]")).click();
            PickerSteps.waitOpen(driver);
            driver.findElement(org.openqa.selenium.By.cssSelector("[data-picker-grid] .nr-picker-item")).click();
            driver.executeScript("document.querySelectorAll('img[loading=lazy]').forEach(function (i) { i.loading = 'eager'; });");
        };
        shoot("newsroom-picker.png", base() + "/newsroom/stories/" + leadStoryId("en") + "/edit", "light",
                DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomRevisions() throws IOException {
        signIn = true;
        shoot("newsroom-revisions.png", base() + "/newsroom/stories/" + leadStoryId("en") + "/revisions", "light",
                DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomMediaLibrary() throws IOException {
        signIn = true;
        shoot("newsroom-media.png", base() + "/newsroom/media", "light", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomAccounts() throws IOException {
        signIn = true;
        shoot("newsroom-accounts.png", base() + "/newsroom/accounts", "light", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomTokens() throws IOException {
        signIn = true;
        shoot("newsroom-tokens.png", base() + "/newsroom/tokens", "light", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    @Test
    void newsroomSiteSettings() throws IOException {
        signIn = true;
        shoot("newsroom-settings.png", base() + "/newsroom/settings?edition=en", "light", DESKTOP_WIDTH, DESKTOP_HEIGHT,
                false);
    }

    private boolean signIn;
    /** What to do on the page before the shot (open a dialog); {@code viewportOnly} shoots what is in view. */
    private java.util.function.Consumer<ChromeDriver> then;
    private boolean viewportOnly;
    /** A CSS selector the page must show before the shot (the rich-text editor builds itself after load). */
    private String waitFor;

    @Test
    void englishFrontPageLight() throws IOException {
        shoot("front-en-light.png", base() + "/en/", "light", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    /**
     * Loads the page in a viewport of the given size, then grows the viewport to the whole page (so lazy images load
     * and nothing is cut) and captures it.
     */
    private void shoot(String file, String url, String colorScheme, int width, int height, boolean mobile)
            throws IOException {
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Emulation.setEmulatedMedia", Map.of(
                "media", "screen",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
        metrics(driver, width, height, mobile);
        if (signIn) {
            driver.get(base() + "/newsroom/login");
            driver.findElement(org.openqa.selenium.By.id("email")).sendKeys("chief@example.org");
            driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("screenshot-admin-secret");
            driver.findElement(org.openqa.selenium.By.cssSelector(".login-form button[type=submit]")).click();
            Browser.waitFor(driver).until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/newsroom"));
        }
        if (viewportOnly) {
            // A dialog is centred in the window, not in an emulated viewport: the window itself gets the size.
            Browser.cdp(driver, "Emulation.clearDeviceMetricsOverride", Map.of());
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
            int inner = ((Number) driver.executeScript("return window.innerHeight;")).intValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height + height - inner));
        }
        driver.get(url);
        if (waitFor != null) {
            Browser.waitFor(driver).until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.cssSelector(waitFor)));
        }
        if (then != null) {
            then.accept(driver);
        }
        driver.executeAsyncScript("var done = arguments[arguments.length - 1]; document.fonts.ready.then(function () { done(); });");

        int fullHeight = viewportOnly ? viewportHeight(driver) : pageHeight(driver);
        if (!viewportOnly) {
            metrics(driver, width, fullHeight, mobile);
        }
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return Array.from(document.images).every(function (i) { return i.complete && i.naturalWidth > 0; });")));
        // Images carry their sizes, so the height should hold; measure again in case it did not.
        fullHeight = viewportOnly ? viewportHeight(driver) : pageHeight(driver);
        if (!viewportOnly) {
            metrics(driver, width, fullHeight, mobile);
        }
        // Lazy images below the first screen load only when the tall viewport reveals them; decode them all first.
        driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " document.querySelectorAll('img[loading=lazy]').forEach(function (i) { i.loading = 'eager'; });"
                + " Promise.all(Array.from(document.images).map(function (i) { return i.decode().catch(function () {}); }))"
                + ".then(function () { requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); }); });");

        Map<String, Object> shot = Browser.cdp(driver, "Page.captureScreenshot", Map.of(
                "format", "png",
                // Beyond the viewport Chromium lays the page out at its whole height, which moves a centred dialog.
                "captureBeyondViewport", !viewportOnly,
                // The clip is in page coordinates: a view of the window starts where the page is scrolled to.
                "clip", Map.of("x", 0, "y", viewportOnly ? scrolled(driver) : 0, "width", width, "height", fullHeight,
                        "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Files.createDirectories(OUT);
        Path target = OUT.resolve(file);
        Files.write(target, png);
        System.out.println("Screenshot: " + target.toAbsolutePath() + " (" + width + "x" + fullHeight + ")");
        assertThat(png.length).isGreaterThan(10_000);
    }

    private static void metrics(ChromeDriver driver, int width, int height, boolean mobile) {
        Browser.cdp(driver, "Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
    }

    private static double scrolled(ChromeDriver driver) {
        return ((Number) driver.executeScript("return window.scrollY;")).doubleValue();
    }

    private static int viewportHeight(ChromeDriver driver) {
        return ((Number) driver.executeScript("return window.innerHeight;")).intValue();
    }

    private static int pageHeight(ChromeDriver driver) {
        return ((Number) driver.executeScript(
                "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));"))
                .intValue();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String leadStory(String edition) throws IOException {
        String href = Jsoup.connect(base() + "/" + edition + "/").get().select(".lead .teaser-headline a").attr("href");
        assertThat(href).as("lead story on /" + edition + "/").isNotEmpty();
        return base() + href;
    }

    private String leadStoryId(String edition) throws IOException {
        String path = java.net.URI.create(leadStory(edition)).getPath();
        return path.substring(path.lastIndexOf('/') + 1).split("-")[0];
    }
}
