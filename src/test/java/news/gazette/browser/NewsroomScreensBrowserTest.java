package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every newsroom screen the desk's and the editor's browser tests do not already check, as an admin sees it, at
 * 1366×900 and on a 390×844 phone: axe-core (WCAG 2.1 A and AA) finds nothing, and on the phone nothing scrolls
 * sideways. The desk, its views, the audit log, accounts, sections, tags, settings and the account's page are in
 * {@link DeskBrowserTest}; the editor in {@link EditorLayoutBrowserTest}; the conflict page in
 * {@link ConflictBrowserTest}; the sign-in page here too.
 */
class NewsroomScreensBrowserTest extends NewsroomInBrowser {

    @BeforeAll
    static void axe() {
        AccessibilityTest.loadAxe();
    }

    private ChromeDriver sized(boolean phone) {
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Emulation.setDeviceMetricsOverride", Map.of("width", phone ? 390 : 1366,
                "height", phone ? 844 : 900, "deviceScaleFactor", 1, "mobile", phone));
        return driver;
    }

    /** The screens, with the ids of a published English story and of an image of the library. */
    private static List<String> screens(long story, long image) {
        String s = "/newsroom/stories/" + story;
        return List.of(s + "/revisions", s + "/preview", s + "/translation", s + "/live",
                "/newsroom/media", "/newsroom/media?q=a", "/newsroom/media/" + image,
                "/newsroom/authors?edition=en", "/newsroom/tokens", "/newsroom/password",
                "/newsroom/alerts", "/newsroom/front-page?edition=en", "/newsroom/front-page?edition=hy",
                "/newsroom/newsletters", "/newsroom/webhooks", "/newsroom/app-keys", "/newsroom/import",
                "/newsroom/security", "/newsroom/security/policy", "/newsroom/settings?edition=hy",
                "/newsroom/stories/new?edition=ru");
    }

    @Test
    void everyOtherNewsroomScreenPassesAxeOnADesktopAndAPhoneWithoutSidewaysScrolling() {
        accounts.create("screens-admin@example.org", "Screens admin", PASSWORD, Role.ADMIN);
        long story = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1")
                .query(Long.class).single();
        long image = jdbc.sql("select id from media order by id limit 1").query(Long.class).single();
        List<String> problems = new ArrayList<>();
        for (boolean phone : List.of(false, true)) {
            String device = phone ? "phone " : "desktop ";
            ChromeDriver driver = sized(phone);
            driver.get(base() + "/newsroom/login");
            check(driver, device + "/newsroom/login", phone, problems);
            Browser.signIn(driver, base(), "screens-admin@example.org", PASSWORD);
            for (String path : screens(story, image)) {
                driver.get(base() + path);
                assertThat(driver.getTitle()).as(path).isNotBlank();
                check(driver, device + path, phone, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(ChromeDriver driver, String where, boolean phone, List<String> problems) {
        problems.addAll(AccessibilityTest.violations(driver, where));
        if (phone) {
            Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            if (width.intValue() > 390) {
                problems.add(where + " → " + width + " px wide");
            }
        }
    }
}
