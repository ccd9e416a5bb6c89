package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import news.gazette.account.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A newsroom day in a real browser: a contributor writes a story in TinyMCE with a featured image from the library
 * and submits it; an editor publishes it; it is on the front page and its section page; a translation is made and
 * published, and the reader's language switcher leads to it.
 */
class EditorBrowserTest extends NewsroomInBrowser {

    private ChromeDriver signIn(ChromeDriver driver, String email, Role role) {
        accounts.create(email, "Browser " + role, PASSWORD, role);
        return Browser.signIn(driver, base(), email, PASSWORD);
    }

    /** Clicks a workflow button of the editor's form ("submit", "publish"), which saves what is on screen first. */
    private void post(ChromeDriver driver, String intent) {
        driver.findElement(By.cssSelector("#story-form button[name=intent][value='" + intent + "']")).click();
    }

    @Test
    void aStoryGoesFromAContributorToReadersInTwoEditions() {
        ChromeDriver contributor = signIn(browser.newPage(base()), "writer@example.org", Role.CONTRIBUTOR);
        contributor.get(base() + "/newsroom/stories/new?edition=en");
        Browser.waitFor(contributor).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tox-tinymce")));
        contributor.findElement(By.id("headline")).sendKeys("Night buses return to the valley");
        contributor.findElement(By.id("standfirst")).sendKeys("Three routes from Monday.");
        Browser.waitFor(contributor).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return !!(window.tinymce && tinymce.activeEditor && tinymce.activeEditor.initialized)")));
        contributor.switchTo().frame("story-body_ifr");
        contributor.findElement(By.tagName("body")).click();
        contributor.findElement(By.tagName("body")).sendKeys("The buses run every hour after midnight.");
        contributor.switchTo().defaultContent();
        new Select(contributor.findElement(By.id("image"))).selectByIndex(1);
        contributor.findElement(By.id("image-alt")).sendKeys("A bus at night");
        post(contributor, "save");
        Browser.waitFor(contributor).until(ExpectedConditions.urlContains("/edit?saved"));
        long id = jdbc.sql("select id from stories where headline = 'Night buses return to the valley'").query(Long.class).single();
        assertThat(jdbc.sql("select body from stories where id = ?").param(id).query(String.class).single())
                .contains("The buses run every hour after midnight.");
        post(contributor, "submit");
        Browser.waitFor(contributor).until(ExpectedConditions.urlContains("/edit?moved"));
        assertThat(jdbc.sql("select status from stories where id = ?").param(id).query(String.class).single()).isEqualTo("in_review");

        ChromeDriver editor = signIn(browser.open(), "desk@example.org", Role.EDITOR);
        editor.get(base() + "/newsroom/stories/" + id + "/edit");
        post(editor, "publish");
        Browser.waitFor(editor).until(ExpectedConditions.urlContains("/edit?moved"));
        String section = jdbc.sql("select se.slug from stories s join sections se on se.id = s.section_id where s.id = ?")
                .param(id).query(String.class).single();
        ChromeDriver reader = browser.open();
        reader.get(base() + "/en/");
        assertThat(reader.getPageSource()).contains("Night buses return to the valley");
        reader.get(base() + "/en/" + section + "/");
        assertThat(reader.getPageSource()).contains("Night buses return to the valley");

        editor.get(base() + "/newsroom/stories/" + id + "/edit");
        post(editor, "translate-ru");
        Browser.waitFor(editor).until(ExpectedConditions.urlContains("/edit?saved"));
        Browser.waitFor(editor).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tox-tinymce")));
        retype(editor, "headline", "Ночные автобусы возвращаются в долину");
        // The address sits in the sidebar's folded "more" box, which the journalist opens first.
        editor.findElement(By.xpath("//*[@id='slug']/ancestor::details/summary")).click();
        editor.findElement(By.id("slug")).clear();
        post(editor, "save");
        Browser.waitFor(editor).until(ExpectedConditions.urlContains("/edit?saved"));
        post(editor, "publish");
        Browser.waitFor(editor).until(ExpectedConditions.urlContains("/edit?moved"));

        reader.get(base() + "/en/" + section + "/" + id + "-night-buses-return-to-the-valley");
        reader.get(reader.findElement(By.cssSelector("nav.languages a[hreflang='ru']")).getAttribute("href"));
        Browser.waitFor(reader).until(ExpectedConditions.urlContains("/ru/"));
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("Ночные автобусы возвращаются в долину");
    }
}
