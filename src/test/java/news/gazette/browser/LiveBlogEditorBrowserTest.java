package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.account.AccountLanguages;
import news.gazette.account.Role;
import news.gazette.live.stream.OpenStreams;
import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.LiveBlogDesk;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.story.StoryActor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A journalist's election night on the live-blog screen, in Chromium: entries are written in TinyMCE (bold by the
 * keyboard, a link by the toolbar), posted, and appear formatted on a reader's page that is already open; an entry is
 * corrected in rich text again; a correction the server refuses comes back with its formatting. The editors speak the
 * account's language, and axe-core finds nothing on the screen with its editors on a desktop and a phone. Text typed
 * and not posted, or come back refused, makes the browser ask before the page is left: by a link, or by saving another
 * entry or the key points (the real dialog, answered as a journalist does).
 */
class LiveBlogEditorBrowserTest extends NewsroomInBrowser {

    @Autowired LiveBlogs blogs;
    @Autowired LiveBlogDesk desk;
    @Autowired AccountLanguages languages;
    @Autowired OpenStreams streams;

    @BeforeAll
    static void axe() {
        AccessibilityTest.loadAxe();
    }

    /** A published English story that is not a live blog yet (the newest, so other tests' choices are left alone). */
    private long story() {
        return jdbc.sql("select s.id from stories s where s.edition = 'en' and s.status = 'published'"
                + " and not exists (select 1 from live_blogs b where b.story_id = s.id) order by s.id desc limit 1")
                .query(Long.class).single();
    }

    private String path(long story) {
        return jdbc.sql("select '/' || s.edition || '/' || c.slug || '/' || s.id || '-' || s.slug from stories s"
                + " join sections c on c.id = s.section_id where s.id = ?").param(story).query(String.class).single();
    }

    /** Waits until TinyMCE runs on the textarea with this id (an entry's editor starts once it is near the screen). */
    private static void editorOn(ChromeDriver driver, String id) {
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var e = window.tinymce && tinymce.get(arguments[0]); return !!(e && e.initialized);", id)));
    }

    /** Puts the caret at the end of the text of one editor, as a click after its last word does. */
    private static void caretAtEnd(ChromeDriver driver, String id) {
        driver.executeScript("var e = tinymce.get(arguments[0]); e.focus(); e.selection.select(e.getBody(), true);"
                + " e.selection.collapse(false);", id);
    }

    /** Types where the caret is, key by key, as a person does. */
    private static void type(ChromeDriver driver, CharSequence text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /** Ctrl and a key where the caret is (Ctrl+B, Ctrl+I). */
    private static void shortcut(ChromeDriver driver, String key) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
    }

    /** A button of the toolbar of one editor, by its name. */
    private static WebElement toolbarButton(ChromeDriver driver, String id, String name) {
        return driver.findElement(By.xpath("//textarea[@id='" + id + "']/following-sibling::div[contains(@class,"
                + " 'tox-tinymce')]//button[@aria-label='" + name + "']"));
    }

    /** The toolbar's link button of one editor, then the dialog's address and text. */
    private static void insertLink(ChromeDriver driver, String id, String url, String text) {
        toolbarButton(driver, id, "Insert/edit link").click();
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tox-dialog input")));
        List<WebElement> fields = driver.findElements(By.cssSelector(".tox-dialog input"));
        fields.get(0).sendKeys(url);
        fields.get(1).clear();
        fields.get(1).sendKeys(text);
        driver.findElement(By.cssSelector(".tox-dialog__footer .tox-button:not(.tox-button--secondary)")).click();
        Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tox-dialog")));
    }

    private static String content(ChromeDriver driver, String id) {
        return (String) driver.executeScript("return tinymce.get(arguments[0]).getContent();", id);
    }

    @Test
    void aJournalistWritesAndCorrectsEntriesInRichTextAndAnOpenReadersPageShowsThemFormatted() {
        accounts.create("liveedit-journalist@example.org", "Election desk", PASSWORD, Role.EDITOR);
        long story = story();
        ChromeDriver newsroom = Browser.signIn(browser.newPage(base()), base(), "liveedit-journalist@example.org",
                PASSWORD);
        newsroom.get(base() + "/newsroom/stories/" + story + "/live");
        newsroom.findElement(By.cssSelector("form[action$='/live/start'] button")).click();
        Browser.waitFor(newsroom).until(ExpectedConditions.urlContains("done=started"));

        int before = streams.count();
        ChromeDriver reader = browser.open();
        reader.get(base() + path(story));
        reader.executeScript("window.__samePage = true;");
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.count() > before);

        editorOn(newsroom, "new-text");
        newsroom.findElement(By.id("new-headline")).sendKeys("Polls close");
        caretAtEnd(newsroom, "new-text");
        type(newsroom, "Counting starts at ");
        shortcut(newsroom, "b");
        type(newsroom, "eight");
        shortcut(newsroom, "b");
        type(newsroom, " tonight. ");
        insertLink(newsroom, "new-text", "https://results.example.org/count", "Follow the count");
        assertThat(content(newsroom, "new-text")).contains("<strong>eight</strong>",
                "<a href=\"https://results.example.org/count\">Follow the count</a>");
        newsroom.findElement(By.cssSelector("form.live-entry-form button[type=submit]")).click();
        Browser.waitFor(newsroom).until(ExpectedConditions.urlContains("done=added"));
        long entry = blogs.page(story, null, 1).get(0).id();
        assertThat(blogs.entry(story, entry).orElseThrow().text()).contains("<strong>eight</strong>");

        String shown = "#entry-" + entry + " .live-entry-body";
        Browser.waitFor(reader).until(d -> !d.findElements(By.cssSelector(shown + " strong")).isEmpty());
        assertThat(reader.findElement(By.cssSelector(shown + " strong")).getText()).isEqualTo("eight");
        assertThat(reader.findElement(By.cssSelector(shown + " a")).getAttribute("href"))
                .isEqualTo("https://results.example.org/count");
        assertThat(reader.findElement(By.cssSelector(shown + " a")).getText()).isEqualTo("Follow the count");

        String edit = "e" + entry + "-text";
        By save = By.cssSelector("#entry-" + entry + " form[action$='/entries/" + entry + "'] button[type=submit]");
        editorOn(newsroom, edit);
        assertThat(content(newsroom, edit)).contains("<strong>eight</strong>");
        caretAtEnd(newsroom, edit);
        type(newsroom, Keys.ENTER + "Turnout is ");
        shortcut(newsroom, "i");
        type(newsroom, "rising");
        shortcut(newsroom, "i");
        type(newsroom, ".");
        // (TinyMCE keeps the space before a format as &nbsp;, which readers see as a space.)
        assertThat(content(newsroom, edit)).contains("<p>Turnout is", "<em>rising</em>.</p>");
        newsroom.findElement(save).click();
        Browser.waitFor(newsroom).until(ExpectedConditions.urlContains("done=edited"));
        Browser.waitFor(reader).until(d -> !d.findElements(By.cssSelector(shown + " em")).isEmpty());
        assertThat(reader.findElement(By.cssSelector(shown + " em")).getText()).isEqualTo("rising");
        assertThat(reader.findElement(By.cssSelector(shown + " strong")).getText()).isEqualTo("eight");
        assertThat(reader.findElement(By.cssSelector("#entry-" + entry + " .live-entry-updated")).getText())
                .startsWith("updated");
        assertThat(reader.executeScript("return window.__samePage === true;")).as("no reload").isEqualTo(true);

        // A correction with a post that cannot be embedded is refused; the formatted text comes back as typed.
        editorOn(newsroom, edit);
        caretAtEnd(newsroom, edit);
        type(newsroom, Keys.ENTER);
        shortcut(newsroom, "b");
        type(newsroom, "Recount");
        shortcut(newsroom, "b");
        type(newsroom, " in two districts.");
        assertThat(content(newsroom, edit)).contains("<p><strong>Recount</strong>", "in two districts.</p>");
        newsroom.findElement(By.id("e" + entry + "-embed")).sendKeys("https://example.org/not-a-post");
        newsroom.findElement(save).click();
        Browser.waitFor(newsroom).until(d -> !d.findElements(By.id("live-error")).isEmpty());
        editorOn(newsroom, edit);
        assertThat(content(newsroom, edit)).contains("<strong>eight</strong>", "<em>rising</em>",
                "<p><strong>Recount</strong>", "in two districts.</p>");
        assertThat(newsroom.findElement(By.id("e" + entry + "-embed")).getAttribute("value"))
                .isEqualTo("https://example.org/not-a-post");
        assertThat(blogs.entry(story, entry).orElseThrow().text()).doesNotContain("Recount");
    }

    /**
     * Waits for the browser's question before it leaves a page with text not saved (the {@code beforeunload} dialog,
     * an alert for a {@link Browser#openAskingBeforeLeaving()} browser) and answers it: stay on the page, or leave.
     */
    private static void answerTheLeaveQuestion(ChromeDriver driver, boolean leave) {
        Alert question = Browser.waitFor(driver).until(ExpectedConditions.alertIsPresent());
        if (leave) {
            question.accept();
        } else {
            question.dismiss();
        }
    }

    @Test
    void anEntryTypedButNotPostedIsNotLostByLeavingOrBySavingAnotherEntry() {
        accounts.create("liveedit-unsent@example.org", "Night desk", PASSWORD, Role.EDITOR);
        long story = story();
        StoryActor system = StoryActor.system("test");
        desk.start(system, story);
        long entry = desk.add(system, story, new EntryDraft("Doors open", "<p>Stations opened at eight.</p>", "", "",
                ""));
        ChromeDriver newsroom = Browser.signIn(browser.openAskingBeforeLeaving(), base(), "liveedit-unsent@example.org",
                PASSWORD);
        String screen = base() + "/newsroom/stories/" + story + "/live";
        String storyPage = base() + "/newsroom/stories/" + story;
        By post = By.cssSelector("form.live-entry-form button[type=submit]");
        By saveOther = By.cssSelector("#entry-" + entry + " form[action$='/entries/" + entry + "'] button[type=submit]");
        By saveKeyPoints = By.cssSelector("form[action$='/live/key-points'] button[type=submit]");
        By backToStory = By.cssSelector("a[href='/newsroom/stories/" + story + "']");
        newsroom.get(screen);
        editorOn(newsroom, "new-text");
        caretAtEnd(newsroom, "new-text");
        type(newsroom, "Queues outside every school in the north.");

        // Another entry's Save, the key points' Save and the link away each make the browser ask; staying keeps it all.
        for (By elsewhere : List.of(saveOther, saveKeyPoints, backToStory)) {
            newsroom.findElement(elsewhere).click();
            answerTheLeaveQuestion(newsroom, false);
            assertThat(newsroom.getCurrentUrl()).isEqualTo(screen);
            assertThat(content(newsroom, "new-text")).contains("Queues outside every school in the north.");
        }
        assertThat(blogs.page(story, null, 5)).as("nothing sent").hasSize(1);

        // Posting the typed entry does not ask; with nothing typed since, neither does leaving.
        newsroom.findElement(post).click();
        Browser.waitFor(newsroom).until(ExpectedConditions.urlContains("done=added"));
        assertThat(blogs.page(story, null, 1).get(0).text()).contains("Queues outside every school");
        newsroom.findElement(backToStory).click();
        Browser.waitFor(newsroom).until(ExpectedConditions.urlToBe(storyPage));

        // A refused entry comes back with what was typed, which is not saved: leaving still asks, and then leaves.
        newsroom.get(screen);
        editorOn(newsroom, "new-text");
        caretAtEnd(newsroom, "new-text");
        type(newsroom, "Turnout passes half by noon.");
        newsroom.findElement(By.id("new-embed")).sendKeys("https://example.org/not-a-post");
        newsroom.findElement(post).click();
        Browser.waitFor(newsroom).until(d -> !d.findElements(By.id("live-error")).isEmpty());
        editorOn(newsroom, "new-text");
        assertThat(content(newsroom, "new-text")).contains("Turnout passes half by noon.");
        newsroom.findElement(saveKeyPoints).click();
        answerTheLeaveQuestion(newsroom, false);
        assertThat(content(newsroom, "new-text")).contains("Turnout passes half by noon.");
        newsroom.findElement(backToStory).click();
        answerTheLeaveQuestion(newsroom, true);
        Browser.waitFor(newsroom).until(ExpectedConditions.urlToBe(storyPage));
        assertThat(blogs.page(story, null, 5)).noneMatch(e -> e.text().contains("Turnout passes half"));
    }

    @Test
    void theEditorsSpeakTheAccountsLanguageAndAxeFindsNothingOnADesktopAndAPhone() {
        long account = accounts.create("liveedit-hy@example.org", "Hayk", PASSWORD, Role.EDITOR).id();
        languages.choose(account, "hy");
        long story = story();
        StoryActor system = StoryActor.system("test");
        desk.start(system, story);
        desk.keyPoints(system, story, "<ul><li>Turnout is high</li></ul>");
        long entry = desk.add(system, story, new EntryDraft("Results", "<p>The <strong>first</strong> results.</p>",
                "", "", ""));
        List<String> problems = new ArrayList<>();
        for (boolean phone : List.of(false, true)) {
            ChromeDriver driver = browser.newPage(base());
            Browser.cdp(driver, "Emulation.setDeviceMetricsOverride", Map.of("width", phone ? 390 : 1366,
                    "height", phone ? 844 : 900, "deviceScaleFactor", 1, "mobile", phone));
            Browser.signIn(driver, base(), "liveedit-hy@example.org", PASSWORD);
            driver.get(base() + "/newsroom/stories/" + story + "/live");
            for (String id : List.of("key-points", "new-text", "e" + entry + "-text")) {
                editorOn(driver, id);
            }
            driver.executeScript("window.scrollTo(0, 0);");
            assertThat(driver.findElements(By.cssSelector(".tox-tinymce button[aria-label='Թավ']"))).hasSize(3);
            assertThat(driver.findElement(By.id("new-text_ifr")).getAttribute("title")).endsWith(": Տեքստ");
            assertThat(driver.findElement(By.id("e" + entry + "-text_ifr")).getAttribute("title"))
                    .isNotEqualTo(driver.findElement(By.id("new-text_ifr")).getAttribute("title"));
            String where = (phone ? "phone" : "desktop") + " live-blog screen";
            problems.addAll(AccessibilityTest.violations(driver, where));
            Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            if (phone && width.intValue() > 390) {
                problems.add(where + " → " + width + " px wide");
            }
        }
        assertThat(problems).isEmpty();
    }
}
