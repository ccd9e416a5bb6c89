package news.gazette.browser;

import news.gazette.account.Accounts;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    /** Replaces what a field holds with the given text, as a person selecting it all and typing would. */
    static void retype(org.openqa.selenium.chrome.ChromeDriver driver, String id, String text) {
        org.openqa.selenium.WebElement field = driver.findElement(org.openqa.selenium.By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    String base() {
        return "http://localhost:" + port;
    }
}
