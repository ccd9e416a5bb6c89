package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reader site on a 390×844 phone in real Chromium: the compact header, where the first story and headline start,
 * no sideways scrolling, axe-core, the menu and search buttons, the folded search filters, and that nothing moves
 * after the first paint (cumulative layout shift with the CPU slowed six times, {@link LayoutShift}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium.devtools=ERROR")
class PhoneBrowserTest {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    String origin() {
        return "http://localhost:" + port;
    }

    ChromeDriver phone() {
        ChromeDriver driver = browser.newPage(origin());
        Browser.cdp(driver, "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        Browser.cdp(driver, "Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        return driver;
    }

    String leadStory(String edition) {
        return jdbc.sql("""
                        select '/' || s.edition || '/' || se.slug || '/' || s.id || '-' || s.slug from stories s
                        join sections se on se.id = s.section_id where s.edition = ? and s.featured = true
                        and s.status = 'published' order by s.published_at desc limit 1""")
                .param(edition).query(String.class).single();
    }

    static double top(ChromeDriver driver, String selector) {
        Object value = driver.executeScript("var e = document.querySelector(arguments[0]);"
                + "return e ? e.getBoundingClientRect().top + window.scrollY : null;", selector);
        assertThat(value).as("%s on %s", selector, driver.getCurrentUrl()).isNotNull();
        return ((Number) value).doubleValue();
    }

    static double middle(ChromeDriver driver, String selector) {
        Object value = driver.executeScript("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return r.top + r.height / 2 + window.scrollY;", selector);
        return ((Number) value).doubleValue();
    }

    /** Whatever stays on screen while reading (sticky or fixed and visible) is at most 56 px tall; no sideways scroll. */
    static void assertFitsThePhone(ChromeDriver driver) {
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("page width of %s", driver.getCurrentUrl()).isLessThanOrEqualTo(WIDTH);
        Object tallest = driver.executeScript("""
                var tallest = 0;
                document.querySelectorAll('body *').forEach(function (e) {
                  var style = getComputedStyle(e);
                  if ((style.position === 'sticky' || style.position === 'fixed') && style.visibility !== 'hidden'
                      && style.opacity !== '0' && e.getClientRects().length > 0) {
                    tallest = Math.max(tallest, e.getBoundingClientRect().height);
                  }
                });
                return tallest;""");
        assertThat(((Number) tallest).doubleValue()).as("tallest bar that stays on screen").isLessThanOrEqualTo(56);
    }

    @Test
    void theFirstStoryAndHeadlinesStartHighOnEveryEdition() {
        ChromeDriver driver = phone();
        for (String edition : List.of("en", "ru", "hy")) {
            driver.get(origin() + "/" + edition + "/");
            // Logo, edition switcher, search and menu buttons on one row.
            double row = middle(driver, ".brand");
            assertThat(top(driver, ".brand")).isLessThan(8);
            for (String control : List.of(".languages a", ".search-button", ".menu-button")) {
                assertThat(Math.abs(middle(driver, control) - row)).as("%s on the logo's row (%s)", control, edition)
                        .isLessThan(8);
            }
            assertThat(driver.findElement(By.cssSelector(".theme-toggle")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector(".search-form")).isDisplayed()).isFalse();
            double lead = top(driver, ".lead .teaser");
            double leadHeadline = top(driver, ".lead .teaser-headline");
            assertThat(lead).as("lead story on /%s/", edition).isLessThanOrEqualTo(120);
            assertThat(leadHeadline).as("lead headline on /%s/", edition).isLessThanOrEqualTo(400);
            assertFitsThePhone(driver);

            driver.get(origin() + leadStory(edition));
            double headline = top(driver, ".story-headline");
            assertThat(headline).as("story headline in %s", edition).isLessThanOrEqualTo(200);
            assertFitsThePhone(driver);
            System.out.printf("Phone 390×844, %s: lead story at %.0f px, its headline at %.0f px; story headline at %.0f px%n",
                    edition, lead, leadHeadline, headline);
        }
    }

    @Test
    void phonePagesPassAxeInEveryEdition() {
        Assumptions.assumeTrue(Files.isRegularFile(AccessibilityTest.AXE), AccessibilityTest.AXE_MISSING);
        ChromeDriver driver = phone();
        List<String> problems = new ArrayList<>();
        String yesterday = java.time.LocalDate.now().minusDays(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd/"));
        for (String edition : List.of("en", "ru", "hy")) {
            for (String path : List.of("/" + edition + "/", leadStory(edition), "/" + edition + "/world/",
                    "/" + edition + "/menu", "/" + edition + "/" + yesterday, "/" + edition + "/search?q=a")) {
                driver.get(origin() + path);
                assertFitsThePhone(driver);
                problems.addAll(AccessibilityTest.violations(driver, "phone " + path));
            }
        }
        driver.get(origin() + "/en/");
        driver.findElement(By.cssSelector(".menu-button")).click();
        problems.addAll(AccessibilityTest.violations(driver, "phone /en/ with the menu open"));
        assertThat(problems).isEmpty();
    }

    @Test
    void theMenuAndSearchButtonsOpenTheHeaderInPlace() {
        ChromeDriver driver = phone();
        driver.get(origin() + "/hy/");
        var menu = driver.findElement(By.cssSelector(".menu-button"));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        menu.click();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(driver.getCurrentUrl()).endsWith("/hy/");
        assertThat(driver.findElement(By.cssSelector(".theme-toggle")).isDisplayed()).isTrue();
        menu.click();
        assertThat(driver.findElement(By.cssSelector(".theme-toggle")).isDisplayed()).isFalse();

        driver.findElement(By.cssSelector(".search-button")).click();
        assertThat(driver.findElement(By.cssSelector(".search-form")).isDisplayed()).isTrue();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("site-search");
    }

    @Test
    void searchFiltersFoldSoTheFirstResultIsOnTheFirstScreen() {
        ChromeDriver driver = phone();
        String word = jdbc.sql("select headline from stories where edition = 'en' order by id limit 1")
                .query(String.class).single().split("\\s+")[0];
        driver.get(origin() + "/en/search?q=" + word);
        assertThat(driver.findElement(By.id("search-section")).isDisplayed()).isFalse();
        assertThat(top(driver, ".results .result")).as("first result").isLessThan(HEIGHT - 100);
        driver.findElement(By.cssSelector(".filter-fold summary")).click();
        assertThat(driver.findElement(By.id("search-section")).isDisplayed()).isTrue();

        ChromeDriver desktop = browser.newPage(origin());
        desktop.get(origin() + "/en/search?q=" + word);
        assertThat(desktop.findElement(By.id("search-section")).isDisplayed()).as("unfolded on a desktop").isTrue();
        assertThat(desktop.findElement(By.cssSelector(".filter-fold summary")).isDisplayed()).isFalse();
    }

    @Test
    void nothingMovesAfterTheFirstPaintOnASlowPhone() {
        List<String> paths = new ArrayList<>();
        for (String edition : List.of("en", "ru", "hy")) {
            paths.addAll(List.of("/" + edition + "/", "/" + edition + "/world/", leadStory(edition)));
        }
        List<String> report = new ArrayList<>();
        for (String path : paths) {
            double cls = LayoutShift.measure(phone(), origin() + path, 6);
            report.add(String.format("%s CLS %.4f", path, cls));
            assertThat(cls).as("cumulative layout shift of %s with 6× CPU throttling", path).isLessThan(0.02);
        }
        for (String path : paths.subList(0, 3)) {
            double cls = LayoutShift.measure(browser.newPage(origin()), origin() + path, 6);
            report.add(String.format("%s on a 1280×900 desktop CLS %.4f", path, cls));
            assertThat(cls).as("cumulative layout shift of %s on a desktop with 6× CPU throttling", path).isLessThan(0.02);
        }
        System.out.println("Layout shift, CPU 6× slower (390×844 phone unless said):\n  " + String.join("\n  ", report));
    }

    @Test
    void theMeasurementSeesAShiftWhenThereIsOne() {
        ChromeDriver driver = phone();
        Browser.cdp(driver, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                addEventListener('load', function () {
                  setTimeout(function () {
                    var block = document.createElement('div');
                    block.style.height = '200px';
                    document.querySelector('main').prepend(block);
                  }, 300);
                });"""));
        assertThat(LayoutShift.measure(driver, origin() + leadStory("en"), 6)).isGreaterThan(0.02);
    }

    @Test
    void withoutJavaScriptTheMenuButtonLeadsToThePageThatListsItAll() {
        ChromeDriver driver = phone();
        Browser.cdp(driver, "Emulation.setScriptExecutionDisabled", Map.of("value", true));
        for (String edition : List.of("en", "hy")) {
            driver.get(origin() + "/" + edition + "/");
            List<String> sections = driver.findElements(By.cssSelector("nav.sections a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(sections).isNotEmpty();
            WebElement menu = driver.findElement(By.cssSelector(".menu-button"));
            assertThat(menu.isDisplayed()).as("the menu button without JavaScript (%s)", edition).isTrue();
            assertThat(Math.abs(middle(driver, ".menu-button") - middle(driver, ".brand"))).isLessThan(8);
            menu.click();
            Browser.waitFor(driver).until(ExpectedConditions.urlToBe(origin() + "/" + edition + "/menu"));
            List<String> links = driver.findElements(By.cssSelector(".menu-page a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(links).as("the menu page lists the front page and every section of %s", edition)
                    .contains(origin() + "/" + edition + "/")
                    .containsAll(sections);
            assertThat(driver.findElement(By.cssSelector(".menu-search input[type=search]")).isDisplayed()).isTrue();
            assertFitsThePhone(driver);
            driver.findElements(By.cssSelector(".menu-page a")).stream()
                    .filter(a -> sections.get(0).equals(a.getAttribute("href"))).findFirst().orElseThrow().click();
            Browser.waitFor(driver).until(ExpectedConditions.urlToBe(sections.get(0)));
        }
    }
}
