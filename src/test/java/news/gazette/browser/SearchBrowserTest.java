package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Search as a reader uses it in a real browser: suggestions while typing, choosing one with the keyboard,
 * highlighted results, and the plain form when scripts are off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium.devtools=ERROR")
class SearchBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /**
     * The index of a node that has just started may still be taking in the demo content; every test here searches
     * it, so each starts once the index answers for a word of each edition.
     */
    @org.junit.jupiter.api.BeforeEach
    void indexHasTakenInTheDemoContent() {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/ru/search?q=%D0%B0%D0%B1%D1%80%D0%B8%D0%BA%D0%BE%D1%81%D0%BE%D0%B2",
                "/hy/search?q=%D4%B5%D6%80%D6%87%D5%A1%D5%B6")) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains("<li class=\"result\""));
        }
    }

    @Test
    void suggestionsAppearWhileTypingAndTheKeyboardChoosesOne() {
        ChromeDriver driver = browser.newPage(base());
        driver.get(base() + "/en/");
        WebElement box = driver.findElement(By.id("site-search"));
        box.sendKeys("apric");
        WebElement panel = driver.findElement(By.cssSelector("[data-search-panel]"));
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOf(panel));
        List<WebElement> options = panel.findElements(By.cssSelector("[role=option]"));
        assertThat(options).isNotEmpty();
        assertThat(options.get(0).getText().toLowerCase()).contains("apricot");
        assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("true");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
        String target = options.get(0).getDomAttribute("href");
        box.sendKeys(Keys.ENTER);
        Browser.waitFor(driver).until(ExpectedConditions.urlToBe(base() + target));

        driver.get(base() + "/en/");
        WebElement again = driver.findElement(By.id("site-search"));
        again.sendKeys("apric");
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-search-panel]")));
        again.sendKeys(Keys.ESCAPE);
        Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-search-panel]")));
    }

    @Test
    void resultsHighlightTheWordsFoundInAnyGrammaticalForm() {
        ChromeDriver driver = browser.newPage(base());
        String search = base() + "/ru/search?q=" + java.net.URLEncoder.encode("абрикосов", java.nio.charset.StandardCharsets.UTF_8);
        // The index of a node that has just started may still be taking in the demo content: ask again until it has.
        Browser.waitFor(driver).until(d -> {
            d.get(search);
            return !d.findElements(By.cssSelector(".results .result")).isEmpty();
        });
        List<WebElement> results = driver.findElements(By.cssSelector(".results .result"));
        assertThat(results).isNotEmpty();
        List<WebElement> marks = driver.findElements(By.cssSelector(".results mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.get(0).getText().toLowerCase()).startsWith("абрикос");
        assertThat(driver.findElement(By.cssSelector(".search-summary")).getText()).isNotBlank();
    }

    @Test
    void withoutScriptsTheSearchBoxIsAPlainForm() {
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Emulation.setScriptExecutionDisabled", Map.of("value", true));
        driver.get(base() + "/hy/");
        WebElement box = driver.findElement(By.id("site-search"));
        box.sendKeys("Երևան");
        box.sendKeys(Keys.ENTER);
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/hy/search?q="));
        assertThat(driver.findElements(By.cssSelector(".results .result"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-search-panel]")).isDisplayed()).isFalse();
    }
}
