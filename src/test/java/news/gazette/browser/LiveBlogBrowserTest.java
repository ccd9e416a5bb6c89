package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.LiveBlogDesk;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.story.StoryActor;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A live blog in Chromium: an editor posts an entry from the newsroom; an open page told of changes by the
 * {@code gazette:entry} event (as live.js passes on the edition's stream) shows "1 new update" to a reader scrolled
 * down without moving the page, puts new entries on top for a reader at the top, replaces edits and drops removals;
 * "2 новых обновления" in Russian; without JavaScript the entries are in the page; axe-core finds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.admin.email=chief@example.org", "gazette.admin.password=browser-admin-secret",
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class LiveBlogBrowserTest {

    private static final StoryActor DESK = StoryActor.system("test");

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired LiveBlogDesk desk;
    @Autowired LiveBlogs blogs;

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

    /** A story of the edition, with translations, that is not yet a live blog: started here with some entries. */
    private long running(String edition, int entries) {
        long story = jdbc.sql("select s.id from stories s where s.edition = ? and s.status = 'published'"
                        + " and s.translation_group is not null and not exists (select 1 from live_blogs b where b.story_id = s.id)"
                        + " order by s.id limit 1").param(edition).query(Long.class).single();
        desk.start(DESK, story);
        for (int i = 1; i <= entries; i++) {
            desk.add(DESK, story, new EntryDraft("Update " + i, ("<p>Paragraph of update " + i + ". ").repeat(12)
                    + "</p><p>" + "More of it. ".repeat(30) + "</p>", "", "", ""));
        }
        return story;
    }

    private String path(long story) {
        return jdbc.sql("select '/' || s.edition || '/' || c.slug || '/' || s.id || '-' || s.slug from stories s"
                + " join sections c on c.id = s.section_id where s.id = ?").param(story).query(String.class).single();
    }

    private static void tell(ChromeDriver driver, long story, long entry, String change) {
        driver.executeScript("document.dispatchEvent(new CustomEvent('gazette:entry', {detail: {storyId: arguments[0],"
                + " entryId: arguments[1], change: arguments[2]}}));", story, entry, change);
    }

    private static List<String> entryIds(ChromeDriver driver) {
        List<String> ids = new ArrayList<>();
        driver.findElements(By.cssSelector("[data-live-entries] .live-entry")).forEach(e -> ids.add(e.getDomAttribute("id")));
        return ids;
    }

    /** The text of a part of an entry as the page shows it now ({@code headline}, {@code updated}), or null. */
    private static String entryText(ChromeDriver driver, long entry, String part) {
        return (String) driver.executeScript("var e = document.querySelector('#entry-' + arguments[0]"
                + " + ' .live-entry-' + arguments[1]); return e && e.textContent.trim();", entry, part);
    }

    private long newest(long story) {
        return blogs.page(story, null, 1).get(0).id();
    }

    @Test
    void anEditorPostsAnEntryFromTheNewsroom() {
        long story = running("en", 1);
        ChromeDriver driver = browser.newPage(base());
        driver.get(base() + "/newsroom/stories/" + story + "/live");
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/newsroom/login"));
        driver.findElement(By.id("email")).sendKeys("chief@example.org");
        driver.findElement(By.id("password")).sendKeys("browser-admin-secret");
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlToBe(base() + "/newsroom"));
        driver.get(base() + "/newsroom/stories/" + story + "/live");
        driver.findElement(By.id("new-headline")).sendKeys("Posted from the newsroom");
        // The text is written in TinyMCE (LiveBlogEditorBrowserTest follows the rich text to the reader).
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var e = window.tinymce && tinymce.get('new-text'); return !!(e && e.initialized);")));
        driver.executeScript("tinymce.get('new-text').focus();");
        driver.switchTo().frame("new-text_ifr");
        driver.findElement(By.tagName("body")).click();
        driver.findElement(By.tagName("body")).sendKeys("The editor typed this entry.");
        driver.switchTo().defaultContent();
        driver.findElement(By.cssSelector("form.live-entry-form button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("done=added"));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("The entry is posted.");
        assertThat(blogs.page(story, null, 1).get(0).headline()).isEqualTo("Posted from the newsroom");
        assertThat(AccessibilityTest.violations(driver, "live-blog screen")).isEmpty();

        ChromeDriver reader = browser.open();
        reader.get(base() + path(story));
        assertThat(reader.findElement(By.cssSelector(".live-entry .live-entry-headline")).getText())
                .isEqualTo("Posted from the newsroom");
    }

    @Test
    void aReaderScrolledDownIsToldOfNewUpdatesWithoutThePageMovingAndAtTheTopTheyAppear() {
        long story = running("en", 8);
        ChromeDriver driver = browser.newPage(base());
        driver.get(base() + path(story));
        assertThat(driver.findElement(By.cssSelector("[data-live-new]")).isDisplayed()).isFalse();
        assertThat(AccessibilityTest.violations(driver, "live blog page")).isEmpty();

        driver.executeScript("document.querySelectorAll('[data-live-entries] .live-entry')[5].scrollIntoView();");
        Number scrolled = (Number) driver.executeScript("return window.scrollY;");
        Number anchorTop = (Number) driver.executeScript(
                "return document.querySelectorAll('[data-live-entries] .live-entry')[5].getBoundingClientRect().top;");
        List<String> before = entryIds(driver);
        long added = desk.add(DESK, story, new EntryDraft("Breaking update", "<p>Something new.</p>", "", "", ""));
        tell(driver, story, added, "ADDED");
        Browser.waitFor(driver).until(d -> d.findElement(By.cssSelector("[data-live-new]")).isDisplayed());
        assertThat(driver.findElement(By.cssSelector("[data-live-new]")).getText()).isEqualTo("1 new update");
        assertThat(entryIds(driver)).isEqualTo(before);
        assertThat(((Number) driver.executeScript("return window.scrollY;")).doubleValue())
                .isEqualTo(scrolled.doubleValue());
        assertThat(((Number) driver.executeScript("return document.querySelectorAll('[data-live-entries] .live-entry')[5]"
                + ".getBoundingClientRect().top;")).doubleValue()).isEqualTo(anchorTop.doubleValue());
        assertThat(AccessibilityTest.violations(driver, "live blog page with new updates")).isEmpty();

        driver.findElement(By.cssSelector("[data-live-new]")).click();
        Browser.waitFor(driver).until(d -> entryIds((ChromeDriver) d).get(0).equals("entry-" + added));
        assertThat(driver.findElement(By.cssSelector("[data-live-new]")).isDisplayed()).isFalse();
        Browser.waitFor(driver).until(d -> ((Number) ((ChromeDriver) d).executeScript(
                "return document.querySelector('[data-live-entries]').getBoundingClientRect().top;")).doubleValue() < 900);

        driver.executeScript("window.scrollTo(0, 0);");
        long atTop = desk.add(DESK, story, new EntryDraft("", "<p>Seen at once.</p>", "", "", ""));
        tell(driver, story, atTop, "ADDED");
        Browser.waitFor(driver).until(d -> entryIds((ChromeDriver) d).get(0).equals("entry-" + atTop));
        assertThat(driver.findElement(By.cssSelector("[data-live-new]")).isDisplayed()).isFalse();

        desk.edit(DESK, story, added, new EntryDraft("Breaking update, corrected", "<p>Something new.</p>", "", "", ""));
        tell(driver, story, added, "EDITED");
        // The edit comes twice (told here, and by the edition's stream), and each replaces the entry: read it in one go.
        Browser.waitFor(driver).until(d -> "Breaking update, corrected".equals(entryText(driver, added, "headline")));
        assertThat(entryText(driver, added, "updated")).startsWith("updated");

        desk.remove(DESK, story, atTop);
        tell(driver, story, atTop, "REMOVED");
        Browser.waitFor(driver).until(d -> d.findElements(By.id("entry-" + atTop)).isEmpty());

        desk.end(DESK, story);
        tell(driver, story, 0, "ENDED");
        Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector(".live-ended")).isEmpty());
        tell(driver, 1, 1, "ADDED");
        assertThat(entryIds(driver).get(0)).isEqualTo("entry-" + added);
    }

    @Test
    void russianReadersAreToldInTheRightPluralForm() {
        long en = running("en", 0);
        long ru = jdbc.sql("select t.id from stories s join stories t on t.translation_group = s.translation_group"
                + " where s.id = ? and t.edition = 'ru'").param(en).query(Long.class).single();
        for (int i = 1; i <= 8; i++) {
            desk.add(DESK, ru, new EntryDraft("Обновление " + i, ("<p>Текст обновления " + i + ". ").repeat(40) + "</p>",
                    "", "", ""));
        }
        ChromeDriver driver = browser.newPage(base());
        driver.get(base() + path(ru));
        driver.executeScript("document.querySelectorAll('[data-live-entries] .live-entry')[6].scrollIntoView();");
        long one = desk.add(DESK, ru, new EntryDraft("", "<p>Первое.</p>", "", "", ""));
        desk.add(DESK, ru, new EntryDraft("", "<p>Второе.</p>", "", "", ""));
        tell(driver, ru, one, "ADDED");
        Browser.waitFor(driver).until(d -> d.findElement(By.cssSelector("[data-live-new]")).getText()
                .equals("2 новых обновления"));
    }

    @Test
    void withoutJavaScriptTheEntriesAreInThePage() {
        long story = running("en", 3);
        ChromeDriver driver = browser.newPage(base());
        Browser.cdp(driver, "Emulation.setScriptExecutionDisabled", Map.of("value", true));
        driver.get(base() + path(story));
        assertThat(entryIds(driver)).hasSize(3);
        assertThat(driver.findElement(By.cssSelector(".live-entry .live-entry-headline")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".badge-live")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-live-new]")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("button.live-follow")).isDisplayed()).isFalse();
    }
}
