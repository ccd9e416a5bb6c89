package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.media.TestImages;
import news.gazette.story.Publishing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A journalist's day with the media picker (ADR 110) in Chromium, in a busy library (over 250 images): an older
 * story whose featured image is far back in the library; the picker shows it anyway; a search, a new featured image
 * with the library's alt text and credit filled in; an image from the library in the text with its own alt text for
 * this story, and words typed after it; a picture dropped on the picker, described once and put in the text; Save
 * and Publish; nothing lost. axe-core on the open picker at 1366×900 and 390×844, and no sideways scroll on the phone.
 */
class MediaPickerBrowserTest extends NewsroomInBrowser {

    @Autowired MediaLibrary library;
    @Autowired Publishing publishing;

    @BeforeAll
    static void axe() {
        AccessibilityTest.loadAxe();
    }

    private static BufferedImage drawn(int n) {
        BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40 + n % 200, 90 + n / 3 % 150, 160 - n % 120));
        g.fillRect(0, 0, 64, 40);
        g.setColor(Color.WHITE);
        g.fillRect(n % 56, n % 32, 8, 8);
        g.dispose();
        return image;
    }

    /** 260 more images (the lighthouse among them), all newer than every image of the demo stories. */
    private long busyLibrary() {
        long lighthouse = 0;
        for (int i = 0; i < 260; i++) {
            MediaLibrary.Details details = i == 130
                    ? new MediaLibrary.Details("Lighthouse over the harbour", "The old light at dusk", "Ani Petrosyan")
                    : new MediaLibrary.Details("Crowd at the market, picture " + i, null, "Gazette photo desk");
            Media stored = library.storeDrawn("busy-" + i + ".png", drawn(i), "desk@example.org", details);
            if (i == 130) {
                lighthouse = stored.id();
            }
        }
        return lighthouse;
    }

    private void resize(ChromeDriver driver, int width, int height, boolean mobile) {
        Browser.cdp(driver, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private static boolean useInView(ChromeDriver driver) {
        return Boolean.TRUE.equals(driver.executeScript("var r = document.querySelector('[data-picker-use]')"
                + ".getBoundingClientRect(); return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight"
                + " && r.left >= 0 && r.right <= window.innerWidth;"));
    }

    private String column(String column, long id) {
        return jdbc.sql("select cast(" + column + " as varchar) from stories where id = ?").param(id)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void aJournalistChoosesSearchesInsertsAndUploadsInABusyLibraryAndLosesNothing() {
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' and image_id is not null "
                + "order by published_at limit 1").query(Long.class).single();
        long oldImage = jdbc.sql("select image_id from stories where id = ?").param(id).query(Long.class).single();
        publishing.unpublish(id);
        long lighthouse = busyLibrary();
        accounts.create("picker@example.org", "Picture editor", PASSWORD, Role.EDITOR);
        ChromeDriver driver = Browser.signIn(browser.newPage(base()), base(), "picker@example.org", PASSWORD);
        resize(driver, 1366, 900, false);
        driver.get(base() + "/newsroom/stories/" + id + "/edit");
        EditorSteps.waitForEditor(driver);
        assertThat(driver.findElements(By.cssSelector("[data-picker-featured] img"))).as("the featured image shown").hasSize(1);

        // The story's own image is in the picker however far back it is in the library.
        PickerSteps.openForFeaturedImage(driver);
        assertThat(driver.findElements(By.cssSelector("[data-picker-own] [data-id='" + oldImage + "']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[data-picker-grid] [data-id='" + oldImage + "']"))).isEmpty();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus in the search field").isEqualTo("picker-q");
        PickerSteps.chooseFirst(driver);
        assertThat(useInView(driver)).as("the picker's last button in view at 1366×900").isTrue();
        List<String> problems = new ArrayList<>(AccessibilityTest.violations(driver, "picker, desktop"));
        resize(driver, 390, 844, true);
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        assertThat(Boolean.TRUE.equals(driver.executeScript("var p = document.getElementById('media-picker');"
                + " var r = p.getBoundingClientRect(); return p.scrollWidth <= p.clientWidth && r.right <= 390;")))
                .as("the picker fits the phone").isTrue();
        assertThat(useInView(driver)).as("the picker's last button in view at 390×844").isTrue();
        problems.addAll(AccessibilityTest.violations(driver, "picker, phone"));
        resize(driver, 1366, 900, false);

        // Escape closes it and gives the focus back.
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        Browser.waitFor(driver).until(d -> Boolean.FALSE.equals(((ChromeDriver) d).executeScript(
                "return document.getElementById('media-picker').open;")));
        assertThat(driver.switchTo().activeElement().getAttribute("data-picker-open")).isEqualTo("lead");

        // A new featured image found by a word; the library's alt text and credit come with it.
        PickerSteps.openForFeaturedImage(driver);
        PickerSteps.search(driver, "lighthouse");
        assertThat(PickerSteps.chooseFirst(driver)).isEqualTo(lighthouse);
        assertThat(driver.findElement(By.id("picker-alt")).getDomProperty("value")).isEqualTo("Lighthouse over the harbour");
        assertThat(driver.findElement(By.id("picker-credit")).getDomProperty("value")).isEqualTo("Ani Petrosyan");
        PickerSteps.use(driver);
        assertThat(driver.findElement(By.id("image")).getDomProperty("value")).isEqualTo(String.valueOf(lighthouse));
        assertThat(driver.findElement(By.id("image-alt")).getDomProperty("value")).isEqualTo("Lighthouse over the harbour");

        // An image from the library in the text, described for this story, and words typed after it.
        driver.executeScript("var ed = tinymce.activeEditor; ed.focus(); ed.selection.select(ed.getBody(), true);"
                + " ed.selection.collapse(false);");
        EditorSteps.typeInBody(driver, Keys.ENTER + "Before the picture.");
        PickerSteps.openForText(driver);
        PickerSteps.search(driver, "market picture 12");
        long market = PickerSteps.chooseFirst(driver);
        assertThat(driver.findElement(By.id("picker-alt")).getDomProperty("value")).startsWith("Crowd at the market");
        retype(driver, "picker-alt", "Stalls at the market, chosen for this story");
        PickerSteps.use(driver);
        EditorSteps.typeInBody(driver, "Words after the picture.");

        // A picture dropped on the picker: described once, in the library, and put in the text.
        PickerSteps.openForText(driver);
        PickerSteps.dropFile(driver, "hand-drawn-map.png", "image/png", TestImages.png(413, 271));
        driver.findElement(By.cssSelector("[data-picker-use]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-picker-detail-error]"), "alt text"));
        assertThat(driver.findElement(By.id("picker-alt")).getDomAttribute("aria-invalid")).isEqualTo("true");
        retype(driver, "picker-alt", "A hand-drawn map of the valley");
        PickerSteps.use(driver);

        driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?saved"));
        EditorSteps.waitForEditor(driver);
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=publish]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?moved"));

        long uploaded = jdbc.sql("select id from media where original_name = 'hand-drawn-map.png'").query(Long.class).single();
        assertThat(column("status", id)).isEqualTo("published");
        assertThat(column("image_id", id)).isEqualTo(String.valueOf(lighthouse));
        assertThat(column("image_alt", id)).isEqualTo("Lighthouse over the harbour");
        assertThat(column("image_credit", id)).isEqualTo("Ani Petrosyan");
        String body = column("body", id);
        assertThat(body).contains("Before the picture.").contains("data-media-id=\"" + market + "\"")
                .contains("Stalls at the market, chosen for this story").contains("Words after the picture.")
                .contains("data-media-id=\"" + uploaded + "\"").contains("A hand-drawn map of the valley");
        assertThat(body.indexOf("Before the picture.")).isLessThan(body.indexOf("data-media-id=\"" + market + "\""));
        assertThat(body.indexOf("Words after the picture.")).isGreaterThan(body.indexOf("data-media-id=\"" + market + "\""));
        assertThat(jdbc.sql("select alt_text from media where id = ?").param(uploaded).query(String.class).single())
                .as("described once, in the library").isEqualTo("A hand-drawn map of the valley");
        assertThat(jdbc.sql("select edition from media where id = ?").param(uploaded).query(String.class).single())
                .isEqualTo("en");
        ChromeDriver reader = browser.open();
        reader.get(base() + "/api/v1/stories/" + id);
        assertThat(reader.getPageSource()).contains(library.byId(lighthouse).orElseThrow().fileName().replace(".png", ""))
                .contains("Words after the picture.");
        assertThat(problems).isEmpty();
    }
}
