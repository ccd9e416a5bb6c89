package news.gazette.browser;

import java.util.Base64;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a journalist does in the media picker (ADR 110), step by step, for the browser tests of the editor. */
final class PickerSteps {

    private PickerSteps() {
    }

    /**
     * Waits until the picker is open and its first page is shown: loaded (its status no longer says "Loading"), not the
     * tiles a previous opening left, which the new page replaces (a tile clicked then is gone a moment later).
     */
    static void waitOpen(ChromeDriver driver) {
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var p = document.getElementById('media-picker');"
                        + " var loading = p.querySelector('[data-picker-status]').textContent"
                        + "   === p.getAttribute('data-text-loading');"
                        + " return p.open && !loading"
                        + "   && p.querySelectorAll('[data-picker-grid] .nr-picker-item').length > 0;")));
    }

    /** The featured image's "Choose from the library". */
    static void openForFeaturedImage(ChromeDriver driver) {
        driver.findElement(By.cssSelector("[data-picker-open=lead]")).click();
        waitOpen(driver);
    }

    /** The text toolbar's image button. */
    static void openForText(ChromeDriver driver) {
        driver.findElement(By.cssSelector(".tox-tinymce button[aria-label='Image from the library']")).click();
        waitOpen(driver);
    }

    /** Types words into the search field and waits until every image shown has them all (in its visible texts). */
    static void search(ChromeDriver driver, String words) {
        NewsroomInBrowser.retype(driver, "picker-q", words);
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var words = arguments[0].toLowerCase().split(/\\s+/);"
                        + " var items = Array.from(document.querySelectorAll('[data-picker-grid] .nr-picker-item'));"
                        + " return items.length > 0 && items.every(function (i) { var t = i.textContent.toLowerCase();"
                        + " return words.every(function (w) { return t.indexOf(w) >= 0; }); });", words)));
    }

    /** Clicks the first image of the grid; answers its id. */
    static long chooseFirst(ChromeDriver driver) {
        WebElement first = driver.findElement(By.cssSelector("[data-picker-grid] .nr-picker-item"));
        first.click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("picker-alt")));
        return Long.parseLong(first.getAttribute("data-id"));
    }

    /** "Use as featured image" or "Insert into the text"; waits until the picker is closed. */
    static void use(ChromeDriver driver) {
        driver.findElement(By.cssSelector("[data-picker-use]")).click();
        Browser.waitFor(driver).until(d -> Boolean.FALSE.equals(((ChromeDriver) d).executeScript(
                "return document.getElementById('media-picker').open;")));
    }

    /** Drops a file on the picker as a file manager would (a drop event carrying it), and waits for the upload. */
    static void dropFile(ChromeDriver driver, String name, String type, byte[] bytes) {
        driver.executeScript("var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });"
                + " var transfer = new DataTransfer();"
                + " transfer.items.add(new File([bytes], arguments[1], {type: arguments[2]}));"
                + " var zone = document.querySelector('[data-picker-drop]');"
                + " ['dragenter', 'dragover', 'drop'].forEach(function (kind) {"
                + "   zone.dispatchEvent(new DragEvent(kind, {dataTransfer: transfer, bubbles: true, cancelable: true})); });",
                Base64.getEncoder().encodeToString(bytes), name, type);
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var pressed = document.querySelector('[data-picker-grid] .nr-picker-item[aria-pressed=true]');"
                        + " return !!pressed && pressed.textContent.indexOf(arguments[0]) >= 0;", name)));
    }
}
