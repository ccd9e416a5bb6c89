package news.gazette.browser;

import news.gazette.account.Accounts;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the editor's browser tests share: Gazette on a random port over H2 with the page cache off, one Chromium per
 * class, and the accounts the journalist signs in with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.page-cache.enabled=false", "logging.level.org.openqa.selenium.devtools=ERROR"})
abstract class NewsroomInBrowser {

    static final String PASSWORD = "a long browser password";

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /**
     * Replaces what a field holds with the given text as a person does, by the keyboard: Ctrl+A and Delete, then the
     * text key by key, so the page sees the same key and input events (not WebDriver's clear(), which no one can do).
     * The one helper for every browser test that rewrites a field ({@link PickerSteps} too).
     */
    static void retype(ChromeDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    String base() {
        return "http://localhost:" + port;
    }
}
