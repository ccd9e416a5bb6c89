package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front page screen in a real browser: an editor finds an older story, places it as the lead with the screen's
 * forms (no script needed), and a reader's front page shows it as the lead; axe-core finds nothing on the screen, on a
 * desktop and on a phone, empty and arranged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.admin.email=chief@example.org", "gazette.admin.password=browser-admin-secret",
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class FrontPageBrowserTest {

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

    @Test
    void anEditorPlacesAStoryAsLeadAndReadersSeeIt() {
        ChromeDriver driver = Browser.signIn(browser.newPage(base()), base(), "chief@example.org", "browser-admin-secret");
        List<String> problems = new ArrayList<>();
        driver.get(base() + "/newsroom/front-page?edition=en");
        problems.addAll(AccessibilityTest.violations(driver, "front page screen, nothing placed"));

        // An older story, not the lead readers see now.
        String headline = jdbc.sql("select headline from stories where edition = 'en' and status = 'published' "
                + "order by published_at desc, id desc limit 1 offset 6").query(String.class).single();
        ChromeDriver reader = browser.open();
        reader.get(base() + "/en/");
        assertThat(reader.findElement(By.cssSelector(".lead .teaser-headline")).getText()).isNotEqualTo(headline);

        WebElement words = driver.findElement(By.id("front-q"));
        words.sendKeys(headline);
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(words));
        WebElement candidate = driver.findElements(By.cssSelector("#front-candidates li")).stream()
                .filter(li -> li.getText().contains(headline)).findFirst().orElseThrow();
        new Select(candidate.findElement(By.cssSelector("select[name=position]"))).selectByValue("0");
        candidate.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(candidate));
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#front-slots tr[data-slot='0']"), headline));
        problems.addAll(AccessibilityTest.violations(driver, "front page screen, a lead placed"));
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        problems.addAll(AccessibilityTest.violations(driver, "front page screen on a phone"));

        reader.get(base() + "/en/");
        assertThat(reader.findElement(By.cssSelector(".lead .teaser-headline")).getText()).isEqualTo(headline);
        assertThat(reader.findElements(By.cssSelector(".latest .teaser-headline, .section-block .teaser-headline"))
                .stream().map(WebElement::getText)).doesNotContain(headline);
        assertThat(problems).isEmpty();
    }
}
