package news.gazette.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a journalist does in the story editor, step by step, for the browser tests of the editor. */
final class EditorSteps {

    private EditorSteps() {
    }

    /** Waits until TinyMCE runs on the body. */
    static void waitForEditor(ChromeDriver driver) {
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return !!(window.tinymce && tinymce.activeEditor && tinymce.activeEditor.initialized)")));
    }

    /** Types into the body where its caret is, as keys. */
    static void typeInBody(ChromeDriver driver, String text) {
        driver.executeScript("tinymce.activeEditor.focus()");
        driver.switchTo().frame("story-body_ifr");
        driver.findElement(By.tagName("body")).sendKeys(text);
        driver.switchTo().defaultContent();
    }

    /** Selects the image in the body, as a click on it does. */
    static void selectBodyImage(ChromeDriver driver) {
        driver.executeScript("var ed = tinymce.activeEditor; ed.focus(); "
                + "ed.selection.select(ed.dom.select('figure.story-image')[0]); ed.nodeChanged();");
    }

    /** The body toolbar's image button, then the library's newest image in the media picker, with the library's text. */
    static void insertLibraryImage(ChromeDriver driver) {
        PickerSteps.openForText(driver);
        PickerSteps.chooseFirst(driver);
        PickerSteps.use(driver);
    }

    /** The body toolbar's embed button with this address. */
    static void insertEmbed(ChromeDriver driver, String url) {
        driver.findElement(By.cssSelector(".tox-tinymce button[aria-label='Embed a post']")).click();
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tox-dialog input")));
        driver.findElement(By.cssSelector(".tox-dialog input")).sendKeys(url);
        driver.findElement(By.cssSelector(".tox-dialog__footer .tox-button:not(.tox-button--secondary)")).click();
        Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tox-dialog")));
    }
}
