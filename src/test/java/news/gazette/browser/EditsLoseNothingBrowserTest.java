package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import news.gazette.account.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The two ways the editor once lost an editor's work, done as an editor does them in Chromium: a small edit of an
 * older story while the media library is busy must keep the story's lead image, section, tags, bylines and source;
 * and an edit followed straight by Publish (or Schedule) must put the edit live, not the last saved version.
 */
class EditsLoseNothingBrowserTest extends NewsroomInBrowser {

    private ChromeDriver editor(String email) {
        accounts.create(email, "Desk editor", PASSWORD, Role.EDITOR);
        return Browser.signIn(browser.newPage(base()), base(), email, PASSWORD);
    }

    /** The oldest demo story with a lead image, its image pushed out of the newest 200 by a busy library. */
    private long olderStoryInABusyLibrary() {
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' and image_id is not null "
                + "order by published_at limit 1").query(Long.class).single();
        for (int i = 0; i < 230; i++) {
            jdbc.sql("insert into media (file_name, content_type, width, height, created_at, alt_text, original_name, "
                            + "variant_widths, byte_size) values (?, 'image/jpeg', 1600, 900, current_timestamp, ?, ?, '', 1000)")
                    .params("busy-" + i + ".jpg", "Crowd at the market, picture " + i, "market-" + i + ".jpg").update();
        }
        return id;
    }

    private void openEditor(ChromeDriver driver, long id) {
        driver.get(base() + "/newsroom/stories/" + id + "/edit");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tox-tinymce")));
    }

    private void appendToHeadline(ChromeDriver driver, String text) {
        WebElement headline = driver.findElement(By.id("headline"));
        headline.sendKeys(text);
    }

    private String column(String column, long id) {
        return jdbc.sql("select cast(" + column + " as varchar) from stories where id = ?").param(id)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void aSmallEditOfAnOlderStoryKeepsItsImageAndEverythingElse() {
        long id = olderStoryInABusyLibrary();
        String image = column("image_id", id);
        String alt = column("image_alt", id);
        String section = column("section_id", id);
        String source = column("source_name", id);
        String tags = jdbc.sql("select count(*) from story_tags where story_id = ?").param(id).query(String.class).single();
        String bylines = jdbc.sql("select count(*) from story_authors where story_id = ?").param(id).query(String.class).single();
        assertThat(image).isNotNull();

        ChromeDriver driver = editor("busy@example.org");
        openEditor(driver, id);
        appendToHeadline(driver, "!");
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?saved"));

        assertThat(column("headline", id)).endsWith("!");
        assertThat(column("image_id", id)).isEqualTo(image);
        assertThat(column("image_alt", id)).isEqualTo(alt);
        assertThat(column("section_id", id)).isEqualTo(section);
        assertThat(column("source_name", id)).isEqualTo(source);
        assertThat(jdbc.sql("select count(*) from story_tags where story_id = ?").param(id).query(String.class).single())
                .isEqualTo(tags);
        assertThat(jdbc.sql("select count(*) from story_authors where story_id = ?").param(id).query(String.class).single())
                .isEqualTo(bylines);
    }

    @Test
    void publishingRightAfterAnEditPutsTheEditLive() {
        ChromeDriver driver = editor("quick@example.org");
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by published_at desc limit 1")
                .query(Long.class).single();
        openEditor(driver, id);
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=unpublish]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));
        assertThat(column("status", id)).isEqualTo("unpublished");

        openEditor(driver, id);
        appendToHeadline(driver, " (corrected)");
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=publish]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));

        assertThat(column("status", id)).isEqualTo("published");
        assertThat(column("headline", id)).endsWith(" (corrected)");
        ChromeDriver reader = browser.open();
        reader.get(base() + "/api/v1/stories/" + id);
        assertThat(reader.getPageSource()).contains("(corrected)");
    }

    @Test
    void schedulingRightAfterAnEditSchedulesTheEdit() {
        ChromeDriver driver = editor("later@example.org");
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by published_at desc limit 1 offset 1")
                .query(Long.class).single();
        openEditor(driver, id);
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=unpublish]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));

        openEditor(driver, id);
        appendToHeadline(driver, " tomorrow");
        driver.executeScript("document.getElementById('schedule-at').value = arguments[0]", "2099-01-02T08:30");
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=schedule]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));

        assertThat(column("status", id)).isEqualTo("scheduled");
        assertThat(column("headline", id)).endsWith(" tomorrow");
    }

    @Test
    void translatingRightAfterAnEditKeepsTheEditAndOpensTheTranslation() {
        ChromeDriver driver = editor("translator@example.org");
        long id = jdbc.sql("select id from stories s where edition = 'en' and status = 'published' and not exists ("
                        + "select 1 from stories t where t.translation_group = s.translation_group and t.edition = 'hy') "
                        + "order by published_at limit 1").query(Long.class).single();
        openEditor(driver, id);
        appendToHeadline(driver, " (checked)");
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=translate-hy]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/stories/" + id + "/")));

        assertThat(column("headline", id)).endsWith(" (checked)");
        long translation = jdbc.sql("select t.id from stories t join stories s on t.translation_group = s.translation_group "
                + "where s.id = ? and t.edition = 'hy'").param(id).query(Long.class).single();
        assertThat(driver.getCurrentUrl()).contains("/newsroom/stories/" + translation + "/edit");
        assertThat(column("status", translation)).isEqualTo("draft");
    }

    /**
     * Whether leaving the page now would make the browser ask first: a {@code beforeunload} event that the page
     * cancels. (Headless Chromium does not always open the dialog itself, so the test asks the page's answer.)
     */
    private static boolean wouldAskBeforeLeaving(ChromeDriver driver) {
        return Boolean.TRUE.equals(driver.executeScript(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));
    }

    @Test
    void leavingTheEditorWithUnsavedChangesAsksFirstButNotAfterSaving() {
        ChromeDriver driver = editor("leaving@example.org");
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by published_at limit 1 offset 2")
                .query(Long.class).single();
        openEditor(driver, id);
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return !!(window.tinymce && tinymce.activeEditor && tinymce.activeEditor.initialized);")));
        assertThat(wouldAskBeforeLeaving(driver)).as("nothing typed yet").isFalse();

        appendToHeadline(driver, " draft words");
        assertThat(wouldAskBeforeLeaving(driver)).as("a headline typed, not saved").isTrue();
        assertThat(column("headline", id)).doesNotEndWith(" draft words");

        driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?saved"));
        assertThat(column("headline", id)).endsWith(" draft words");
        assertThat(wouldAskBeforeLeaving(driver)).as("everything saved").isFalse();
    }
}
