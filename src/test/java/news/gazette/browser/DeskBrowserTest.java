package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
 * The desk and the admin screens in Chromium, at 1366×900 and on a 390×844 phone: a journalist finds their draft and
 * submits it, an editor follows the review queue's count to the story and publishes it, an admin filters the audit
 * log, hides a section from the reader's menu and changes the newsroom's language; no page scrolls sideways on the
 * phone, and axe-core finds nothing on the desk, audit, accounts, sections, tags, settings and account screens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.admin.email=chief@example.org", "gazette.admin.password=browser-admin-secret",
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class DeskBrowserTest {

    private static final String PASSWORD = "a desk browser passphrase";

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired StoryImports imports;
    @Autowired Sections sections;

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

    private ChromeDriver page(boolean phone) {
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Emulation.setDeviceMetricsOverride", phone
                ? Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true)
                : Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        return driver;
    }

    private ChromeDriver signedIn(boolean phone, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Desk " + role, PASSWORD, role);
        return Browser.signIn(page(phone), base(), email, PASSWORD);
    }

    private static String email(ChromeDriver driver) {
        return driver.findElement(By.cssSelector(".newsroom-header p")).getText().replaceAll(".* ", "");
    }

    private long draft(String headline, String by, StoryStatus status) {
        Section section = sections.inEdition("en").get(0);
        return imports.bring(NewStory.builder("en", section.id()).headline(headline).standfirst("Standfirst.")
                .body("<p>Text of " + headline + ".</p>").createdBy(by).status(status).build(), "test");
    }

    private static void noSidewaysScroll(ChromeDriver driver, String where) {
        Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("page width at 390 px: " + where).isLessThanOrEqualTo(390);
    }

    @Test
    void aJournalistFindsTheirDraftAndSubmitsIt() {
        for (boolean phone : List.of(false, true)) {
            ChromeDriver driver = signedIn(phone, Role.CONTRIBUTOR);
            String headline = "Harbour draft " + UUID.randomUUID().toString().substring(0, 6);
            long id = draft(headline, email(driver), StoryStatus.DRAFT);
            driver.findElement(By.linkText("Mine")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("view=mine"));
            driver.findElement(By.id("desk-q")).sendKeys(headline.split(" ")[2]);
            driver.findElement(By.cssSelector(".desk-filters button[type=submit]")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("q="));
            if (phone) {
                noSidewaysScroll(driver, "desk, mine");
            }
            driver.findElement(By.linkText(headline)).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/stories/" + id + "/edit"));
            driver.findElement(By.cssSelector("button[name=intent][value=submit]")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));
            assertThat(jdbc.sql("select status from stories where id = ?").param(id).query(String.class).single())
                    .isEqualTo("in_review");
        }
    }

    @Test
    void anEditorFollowsTheReviewCountAndPublishes() {
        for (boolean phone : List.of(false, true)) {
            String headline = "Waiting story " + UUID.randomUUID().toString().substring(0, 6);
            long id = draft(headline, "writer@example.org", StoryStatus.IN_REVIEW);
            ChromeDriver driver = signedIn(phone, Role.EDITOR);
            int waiting = jdbc.sql("select count(*) from stories where status = 'in_review'").query(Integer.class).single();
            assertThat(driver.findElement(By.cssSelector("[data-review-count]")).getText())
                    .isEqualTo(Integer.toString(waiting));
            driver.findElement(By.cssSelector(".nr-primary a[href='/newsroom?view=review']")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("view=review"));
            if (phone) {
                noSidewaysScroll(driver, "review queue");
            }
            driver.findElement(By.linkText(headline)).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/stories/" + id + "/edit"));
            driver.findElement(By.cssSelector("button[name=intent][value=publish]")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));
            assertThat(jdbc.sql("select status from stories where id = ?").param(id).query(String.class).single())
                    .isEqualTo("published");
            driver.get(base() + "/newsroom");
            assertThat(driver.findElement(By.cssSelector("[data-review-count]")).getText())
                    .isEqualTo(Integer.toString(waiting - 1));
        }
    }

    @Test
    void anAdminFiltersTheAuditLogHidesASectionAndChangesLanguage() {
        for (boolean phone : List.of(false, true)) {
            ChromeDriver driver = Browser.signIn(page(phone), base(), "chief@example.org", "browser-admin-secret");
            Section section = sections.append("en", "desk-" + UUID.randomUUID().toString().substring(0, 8),
                    "Browser hidden", "");
            driver.get(base() + "/newsroom/sections?edition=en");
            if (phone) {
                noSidewaysScroll(driver, "sections");
            }
            driver.findElement(By.cssSelector("form[action='/newsroom/sections/" + section.id() + "/menu'] button")).click();
            Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "form[action='/newsroom/sections/" + section.id() + "/menu'] input[name=shown][value=true]")));
            ChromeDriver reader = browser.open();
            Browser.waitFor(reader).until(d -> {
                reader.get(base() + "/en/menu");
                return reader.findElements(By.cssSelector(".menu-list a[href*='" + section.slug() + "']")).isEmpty();
            });

            driver.get(base() + "/newsroom/audit");
            new Select(driver.findElement(By.id("audit-action"))).selectByVisibleText("changed the public menu");
            driver.findElement(By.cssSelector(".audit-filters button[type=submit]")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("action=section.menu"));
            assertThat(driver.findElement(By.cssSelector("table.audit-log tbody")).getText())
                    .contains("changed the public menu").doesNotContain("section.menu");
            if (phone) {
                noSidewaysScroll(driver, "audit log");
            }

            driver.get(base() + "/newsroom/account");
            new Select(driver.findElement(By.id("language"))).selectByValue("hy");
            driver.findElement(By.cssSelector(".account-language button[type=submit]")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("saved"));
            driver.get(base() + "/newsroom");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("hy");
            driver.get(base() + "/newsroom/account");
            new Select(driver.findElement(By.id("language"))).selectByValue("");
            driver.findElement(By.cssSelector(".account-language button[type=submit]")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("saved"));
        }
    }

    @Test
    void theDeskAndAdminScreensPassAxeAndFitAPhone() {
        draft("Axe draft " + Instant.now().toEpochMilli(), "chief@example.org", StoryStatus.IN_REVIEW);
        List<String> problems = new ArrayList<>();
        for (boolean phone : List.of(false, true)) {
            ChromeDriver driver = Browser.signIn(page(phone), base(), "chief@example.org", "browser-admin-secret");
            for (String path : List.of("/newsroom", "/newsroom?view=review", "/newsroom?q=nothing-matches-this",
                    "/newsroom/audit", "/newsroom/accounts", "/newsroom/sections?edition=en", "/newsroom/tags?edition=en",
                    "/newsroom/settings?edition=en", "/newsroom/account")) {
                driver.get(base() + path);
                String where = (phone ? "phone " : "desktop ") + path;
                problems.addAll(AccessibilityTest.violations(driver, where));
                if (phone) {
                    Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
                    if (width.intValue() > 390) {
                        problems.add(where + " → " + width + " px wide");
                    }
                }
            }
            if (phone) {
                driver.get(base() + "/newsroom");
                driver.findElement(By.cssSelector(".nr-more > summary")).click();
                assertThat(driver.findElement(By.cssSelector(".nr-more a[href='/newsroom/audit']")).isDisplayed()).isTrue();
                problems.addAll(AccessibilityTest.violations(driver, "phone menu open"));
                noSidewaysScroll(driver, "menu open");
            }
        }
        assertThat(problems).isEmpty();
    }
}
