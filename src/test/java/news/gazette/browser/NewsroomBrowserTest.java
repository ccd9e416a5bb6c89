package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
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
 * The newsroom in a real browser: an editor signs in, takes a story down and puts it back, and the reader site follows;
 * the newsroom's screens pass axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.admin.email=chief@example.org", "gazette.admin.password=browser-admin-secret",
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class NewsroomBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @BeforeAll
    static void axe() {
        AccessibilityTest.loadAxe();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private ChromeDriver signIn() {
        ChromeDriver driver = browser.newPage(base());
        driver.get(base() + "/newsroom");
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/newsroom/login"));
        driver.findElement(By.id("email")).sendKeys("chief@example.org");
        driver.findElement(By.id("password")).sendKeys("browser-admin-secret");
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlToBe(base() + "/newsroom"));
        return driver;
    }

    @Test
    void anEditorTakesAStoryDownAndPutsItBackAndReadersFollow() {
        ChromeDriver driver = signIn();
        driver.get(base() + "/newsroom?edition=en");
        WebElement firstRow = driver.findElement(By.cssSelector("table.desk tbody tr"));
        String headline = firstRow.findElement(By.cssSelector("td .nr-headline")).getText();
        long id = jdbc.sql("select id from stories where edition = 'en' and headline = ?").param(headline)
                .query(Long.class).single();
        String story = jdbc.sql("select '/en/' || se.slug || '/' || s.id || '-' || s.slug from stories s "
                + "join sections se on se.id = s.section_id where s.id = ?").param(id).query(String.class).single();

        firstRow.findElement(By.xpath(".//form[contains(@action,'/unpublish')]/button")).click();
        // The desk was already at this address: wait for the page the button's answer leads to.
        Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(firstRow));
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/newsroom?edition=en"));
        assertThat(jdbc.sql("select status from stories where id = ?").param(id).query(String.class).single())
                .isEqualTo("unpublished");
        ChromeDriver reader = browser.open();
        reader.get(base() + story);
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");

        WebElement row = driver.findElements(By.cssSelector("table.desk tbody tr")).stream()
                .filter(r -> r.getText().startsWith(headline)).findFirst().orElseThrow();
        row.findElement(By.xpath(".//form[contains(@action,'/publish') and not(contains(@action,'unpublish'))]/button")).click();
        Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(row));
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/newsroom?edition=en"));
        reader.get(base() + story);
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo(headline);

        driver.get(base() + "/newsroom/audit");
        assertThat(driver.findElement(By.cssSelector("table.desk")).getText())
                .contains("unpublished").contains("published").contains("signed in").doesNotContain("story.publish");
    }

    @Test
    void theNewsroomScreensPassAxe() {
        List<String> problems = new ArrayList<>();
        ChromeDriver stranger = browser.open();
        stranger.get(base() + "/newsroom/login");
        problems.addAll(AccessibilityTest.violations(stranger, "login"));
        ChromeDriver driver = signIn();
        for (String path : List.of("/newsroom?edition=en", "/newsroom?edition=hy", "/newsroom/audit", "/newsroom/accounts",
                "/newsroom/sections?edition=ru", "/newsroom/tags?edition=en", "/newsroom/authors?edition=hy",
                "/newsroom/settings?edition=en", "/newsroom/tokens", "/newsroom/password")) {
            driver.get(base() + path);
            problems.addAll(AccessibilityTest.violations(driver, path));
        }
        assertThat(problems).isEmpty();
    }
}
