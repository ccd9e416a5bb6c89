package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import news.gazette.account.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The two ways the body editor lost what was typed, done in Chromium as a journalist does them: text typed right
 * after inserting a library image must stay, and an embed inserted while the image is selected must go next to it,
 * never in its place.
 */
class EditorKeepsTypingBrowserTest extends NewsroomInBrowser {

    private ChromeDriver newStory(String email) {
        accounts.create(email, "Body writer", PASSWORD, Role.EDITOR);
        ChromeDriver driver = Browser.signIn(browser.newPage(base()), base(), email, PASSWORD);
        driver.get(base() + "/newsroom/stories/new?edition=en");
        EditorSteps.waitForEditor(driver);
        driver.findElement(By.id("headline")).sendKeys("Body keeps what is typed " + email);
        return driver;
    }

    private String savedBody(ChromeDriver driver, String email) {
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?saved"));
        return jdbc.sql("select body from stories where headline = ?").param("Body keeps what is typed " + email)
                .query(String.class).single();
    }

    @Test
    void textTypedAfterALibraryImageStays() {
        ChromeDriver driver = newStory("after-image@example.org");
        EditorSteps.typeInBody(driver, "Words before the picture.");
        EditorSteps.insertLibraryImage(driver);
        EditorSteps.typeInBody(driver, "Words after the picture.");

        String body = savedBody(driver, "after-image@example.org");
        assertThat(body).contains("Words before the picture.").contains("data-media-id").contains("Words after the picture.");
        assertThat(body.indexOf("Words after the picture.")).isGreaterThan(body.indexOf("data-media-id"));
    }

    @Test
    void anEmbedInsertedNextToAnImageNeverReplacesIt() {
        ChromeDriver driver = newStory("embed-image@example.org");
        EditorSteps.typeInBody(driver, "A paragraph first.");
        EditorSteps.insertLibraryImage(driver);
        EditorSteps.selectBodyImage(driver);
        EditorSteps.insertEmbed(driver, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");

        String body = savedBody(driver, "embed-image@example.org");
        assertThat(body).contains("data-media-id").contains("www.youtube.com/watch?v").contains("dQw4w9WgXcQ").contains("A paragraph first.");
    }

    @Test
    void anImageInsertedWhileAnotherIsSelectedKeepsBoth() {
        ChromeDriver driver = newStory("two-images@example.org");
        EditorSteps.typeInBody(driver, "Two pictures.");
        EditorSteps.insertLibraryImage(driver);
        EditorSteps.selectBodyImage(driver);
        EditorSteps.insertLibraryImage(driver);
        EditorSteps.typeInBody(driver, "" + Keys.END + "Closing words.");

        String body = savedBody(driver, "two-images@example.org");
        assertThat(body.split("data-media-id", -1)).hasSize(3);
        assertThat(body).contains("Closing words.");
    }
}
