package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The header search box in a real browser: suggestions as the reader types, walked with the keyboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gazette.demo-content=true")
class SearchBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void suggestionsAppearAsTheReaderTypesAndTheKeyboardPicksOne() {
        String base = "http://localhost:" + port;
        ChromeDriver driver = browser.newPage(base);
        driver.get(base + "/ru/");
        WebElement input = driver.findElement(By.id("site-search"));
        assertThat(input.getAttribute("role")).isEqualTo("combobox");
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("false");

        input.sendKeys("тур");
        WebElement panel = Browser.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("search-panel")));
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(panel.findElements(By.cssSelector("[role=option]"))).extracting(WebElement::getText)
                .anyMatch(text -> text.startsWith("Туризм"));
        assertThat(panel.findElements(By.cssSelector(".search-panel-label")))
                .extracting(label -> label.getAttribute("textContent")).contains("Теги");

        input.sendKeys(Keys.ARROW_DOWN);
        String active = input.getAttribute("aria-activedescendant");
        assertThat(active).isNotBlank();
        String target = driver.findElement(By.id(active)).getAttribute("href");
        input.sendKeys(Keys.ENTER);
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().equals(target));

        driver.get(base + "/ru/");
        WebElement again = driver.findElement(By.id("site-search"));
        again.sendKeys("тур");
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-panel")));
        again.sendKeys(Keys.ESCAPE);
        Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("search-panel")));
        assertThat(again.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(again.getAttribute("value")).as("Escape closes the list and keeps the words").isEqualTo("тур");
    }

    @Test
    void withoutSuggestionsTheFormOpensTheResultsPage() {
        String base = "http://localhost:" + port;
        ChromeDriver driver = browser.newPage(base);
        driver.get(base + "/hy/");
        WebElement input = driver.findElement(By.id("site-search"));
        input.sendKeys("գնացքներով");
        input.submit();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("/hy/search?q="));
        WebElement mark = Browser.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".results mark")));
        assertThat(mark.getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector(".results .result"))).isNotEmpty();
    }
}
