package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.gazette.account.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's journey through the site settings (issue 22): names the Armenian edition's outlet, picks a logo from the
 * library by what it shows, adds two menu links, one with an address the site refuses; the refusal keeps everything
 * typed and chosen; once corrected, the reader's header shows the name, the logo and the links in order.
 */
class SiteSettingsBrowserTest extends NewsroomInBrowser {

    private static void save(ChromeDriver driver) {
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    @Test
    void anAdminNamesTheOutletPicksALogoAndAddsMenuLinksThatReadersSee() {
        accounts.create("settings-admin@example.org", "Settings admin", PASSWORD, Role.ADMIN);
        ChromeDriver driver = Browser.signIn(browser.newPage(base()), base(), "settings-admin@example.org", PASSWORD);
        driver.get(base() + "/newsroom/settings?edition=hy");

        retype(driver, "outletName", "Գազետ Երևան");
        Select logos = new Select(driver.findElement(By.id("logoId")));
        assertThat(logos.getOptions()).as("library images to choose from, by what they show").hasSizeGreaterThan(1);
        String logoLabel = logos.getOptions().get(1).getText();
        String logoId = logos.getOptions().get(1).getAttribute("value");
        logos.selectByIndex(1);
        retype(driver, "menu0.label", "Եղանակ");
        retype(driver, "menu0.url", "/hy/search?q=եղանակ");
        retype(driver, "menu1.label", "Արխիվ");
        retype(driver, "menu1.url", "javascript:alert(1)");
        save(driver);

        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice[role=alert]")));
        assertThat(driver.findElements(By.cssSelector(".settings-menu .field-error"))).as("the refused address named")
                .hasSize(1);
        assertThat(driver.findElement(By.id("outletName")).getAttribute("value")).isEqualTo("Գազետ Երևան");
        assertThat(new Select(driver.findElement(By.id("logoId"))).getFirstSelectedOption().getText())
                .isEqualTo(logoLabel);
        assertThat(driver.findElement(By.id("menu0.url")).getAttribute("value")).isEqualTo("/hy/search?q=եղանակ");
        assertThat(driver.findElement(By.id("menu1.url")).getAttribute("value")).isEqualTo("javascript:alert(1)");
        assertThat(jdbc.sql("select count(*) from site_settings where edition = 'hy' and outlet_name is not null")
                .query(Long.class).single()).as("nothing stored from a refused form").isZero();

        retype(driver, "menu1.url", "https://archive.example.org/hy/");
        save(driver);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice[role=status]")));

        driver.get(base() + "/hy/");
        WebElement logo = driver.findElement(By.cssSelector("header .brand-logo"));
        assertThat(logo.getAttribute("alt")).isEqualTo("Գազետ Երևան");
        assertThat(logo.getAttribute("src")).contains("/media/");
        assertThat(logo.getAttribute("width")).isNotBlank();
        assertThat(logo.getAttribute("height")).isEqualTo("40");
        assertThat(driver.getTitle()).contains("Գազետ Երևան");
        List<String> links = driver.findElements(By.cssSelector("li.menu-link a")).stream()
                .map(link -> link.getAttribute("textContent").strip()).toList();
        assertThat(links).containsSubsequence("Եղանակ", "Արխիվ");
        assertThat(jdbc.sql("select cast(logo_id as varchar(20)) from site_settings where edition = 'hy'")
                .query(String.class).single()).isEqualTo(logoId);

        driver.get(base() + "/en/");
        assertThat(driver.findElements(By.cssSelector("header .brand-logo"))).as("another edition keeps its own")
                .isEmpty();

        // Cleared again through the screen (other browser tests share this application): the header goes back.
        driver.get(base() + "/newsroom/settings?edition=hy");
        driver.findElement(By.id("outletName")).clear();
        new Select(driver.findElement(By.id("logoId"))).selectByValue("");
        for (String field : List.of("menu0.label", "menu0.url", "menu1.label", "menu1.url")) {
            driver.findElement(By.id(field)).clear();
        }
        save(driver);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice[role=status]")));
        driver.get(base() + "/hy/");
        assertThat(driver.findElements(By.cssSelector("header .brand-logo"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("li.menu-link"))).isEmpty();
    }
}
