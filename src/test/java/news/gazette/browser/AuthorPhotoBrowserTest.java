package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The author photo picker in a real browser: an editor picks a profile's photo from the media library by what it
 * shows, saves, sees its preview, and readers see it on the author's page and in the byline of the author's stories;
 * choosing "no photo" takes it away again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.admin.email=chief@example.org", "gazette.admin.password=browser-admin-secret",
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class AuthorPhotoBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebElement form(ChromeDriver driver, long authorId) {
        return driver.findElement(By.cssSelector("form.author-form[action='/newsroom/authors/" + authorId + "']"));
    }

    @Test
    void anEditorPicksAPhotoFromTheLibraryAndReadersSeeIt() {
        // An author with a published story in the byline.
        long author = jdbc.sql("select a.id from authors a join story_authors sa on sa.author_id = a.id "
                + "join stories s on s.id = sa.story_id where a.edition = 'en' and s.status = 'published' "
                + "order by a.id limit 1").query(Long.class).single();
        String slug = jdbc.sql("select slug from authors where id = ?").param(author).query(String.class).single();
        String story = jdbc.sql("select '/en/' || se.slug || '/' || s.id || '-' || s.slug from stories s "
                + "join sections se on se.id = s.section_id join story_authors sa on sa.story_id = s.id "
                + "where sa.author_id = ? and s.status = 'published' order by s.published_at desc limit 1")
                .param(author).query(String.class).single();
        jdbc.sql("update authors set photo_id = null where id = ?").param(author).update();

        ChromeDriver driver = Browser.signIn(browser.newPage(base()), base(), "chief@example.org", "browser-admin-secret");
        driver.get(base() + "/newsroom/authors?edition=en");
        WebElement form = form(driver, author);
        assertThat(form.findElements(By.cssSelector(".author-photo-preview"))).isEmpty();
        Select picker = new Select(form.findElement(By.cssSelector("select.author-photo-picker")));
        List<WebElement> photos = picker.getOptions();
        assertThat(photos.size()).as("the library's images are offered").isGreaterThan(1);
        WebElement chosen = photos.get(1);
        String label = chosen.getText();
        long photoId = Long.parseLong(chosen.getAttribute("value"));
        assertThat(label).as("offered by what it shows, not by id").isNotBlank().doesNotMatch("[0-9]+");
        picker.selectByVisibleText(label);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(form));

        form = form(driver, author);
        assertThat(new Select(form.findElement(By.cssSelector("select.author-photo-picker")))
                .getFirstSelectedOption().getText()).isEqualTo(label);
        assertThat(form.findElement(By.cssSelector(".author-photo-preview")).getAttribute("src")).contains("/media/");
        assertThat(jdbc.sql("select photo_id from authors where id = ?").param(author).query(Long.class).single())
                .isEqualTo(photoId);

        ChromeDriver reader = browser.open();
        reader.get(base() + "/en/author/" + slug);
        WebElement portrait = reader.findElement(By.cssSelector(".author-photo"));
        assertThat(portrait.isDisplayed()).isTrue();
        assertThat(((Number) reader.executeScript("return arguments[0].naturalWidth", portrait)).intValue())
                .as("the photo loads").isPositive();
        reader.get(base() + story);
        assertThat(reader.findElements(By.cssSelector(".byline-photo"))).as("the byline shows the photo").isNotEmpty();

        // "No photo" takes it away.
        new Select(form.findElement(By.cssSelector("select.author-photo-picker"))).selectByValue("");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(form));
        assertThat(form(driver, author).findElements(By.cssSelector(".author-photo-preview"))).isEmpty();
        reader.get(base() + "/en/author/" + slug);
        assertThat(reader.findElements(By.cssSelector(".author-photo"))).isEmpty();
    }
}
