package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The editor's layout in Chromium: at 1366×900 Save is in view without scrolling and stays in view at the bottom of
 * a long story; on a 390×844 phone nothing scrolls sideways and a contributor writes, saves and submits; axe-core
 * finds nothing on either.
 */
class EditorLayoutBrowserTest extends NewsroomInBrowser {

    @BeforeAll
    static void axe() {
        AccessibilityTest.loadAxe();
    }

    private ChromeDriver sized(int width, int height, boolean mobile) {
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        return driver;
    }

    private static boolean inView(ChromeDriver driver, WebElement element) {
        return Boolean.TRUE.equals(driver.executeScript("var r = arguments[0].getBoundingClientRect();"
                + "return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;",
                element));
    }

    private long longPublishedStory() {
        return jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by length(body) desc limit 1")
                .query(Long.class).single();
    }

    @Test
    void onADesktopSaveIsInViewAtTheTopAndAtTheBottom() {
        accounts.create("desk-layout@example.org", "Layout editor", PASSWORD, Role.EDITOR);
        ChromeDriver driver = Browser.signIn(sized(1366, 900, false), base(), "desk-layout@example.org", PASSWORD);
        driver.get(base() + "/newsroom/stories/" + longPublishedStory() + "/edit");
        EditorSteps.waitForEditor(driver);
        WebElement save = driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]"));
        assertThat(inView(driver, save)).as("Save without scrolling").isTrue();
        // The end of the story's form: under it come the panels with forms of their own (translation, corrections).
        driver.executeScript("var form = document.getElementById('story-form');"
                + "window.scrollTo(0, form.getBoundingClientRect().bottom + window.scrollY - window.innerHeight)");
        assertThat(inView(driver, save)).as("Save at the end of the story's form").isTrue();
        List<String> problems = new ArrayList<>(AccessibilityTest.violations(driver, "editor, desktop"));
        assertThat(problems).isEmpty();
    }

    @Test
    void onAPhoneAContributorWritesSavesAndSubmitsWithoutSidewaysScrolling() {
        accounts.create("phone-writer@example.org", "Phone writer", PASSWORD, Role.CONTRIBUTOR);
        ChromeDriver driver = Browser.signIn(sized(390, 844, true), base(), "phone-writer@example.org", PASSWORD);
        driver.get(base() + "/newsroom/stories/new?edition=en");
        EditorSteps.waitForEditor(driver);
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        List<String> problems = new ArrayList<>(AccessibilityTest.violations(driver, "editor, phone"));
        driver.findElement(By.id("headline")).sendKeys("Written on a phone");
        EditorSteps.typeInBody(driver, "Words from the bus stop.");
        WebElement save = driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]"));
        assertThat(inView(driver, save)).as("Save in the bottom bar").isTrue();
        save.click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?saved"));
        EditorSteps.waitForEditor(driver);
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        problems.addAll(AccessibilityTest.violations(driver, "saved story, phone"));
        WebElement submit = driver.findElement(By.cssSelector("#story-form button[name=intent][value=submit]"));
        assertThat(inView(driver, submit)).as("Submit in the bottom bar").isTrue();
        submit.click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));
        assertThat(jdbc.sql("select status from stories where headline = 'Written on a phone'").query(String.class).single())
                .isEqualTo("in_review");
        assertThat(jdbc.sql("select body from stories where headline = 'Written on a phone'").query(String.class).single())
                .contains("Words from the bus stop.");
        assertThat(problems).isEmpty();
    }
}
