package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import news.gazette.live.Alerts;
import news.gazette.live.stream.OpenStreams;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reader's page open in Chromium while an editor sets the edition's breaking alert: the banner appears without a
 * reload within two seconds (through live.js and the event stream), links to the story, and goes when the alert is
 * cleared; a page of another edition is not touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium.devtools=ERROR")
class LiveBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired Alerts alerts;
    @Autowired OpenStreams streams;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @AfterEach
    void clear() {
        alerts.clear("en", "test", "127.0.0.1");
    }

    @Test
    void theBannerComesAndGoesOnAnOpenPageWithoutReload() {
        String origin = "http://localhost:" + port;
        ChromeDriver en = browser.newPage(origin);
        en.get(origin + "/en/");
        ChromeDriver ru = browser.open();
        ru.get(origin + "/ru/");
        en.executeScript("window.__samePage = true;");
        assertThat(en.findElements(By.cssSelector(".breaking-alert"))).isEmpty();
        // The stream is open (its first event, the current state, has come) before the editor acts.
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.count() >= 2);

        alerts.set("en", "Airport closed by fog", null, null, false, "editor@test", "127.0.0.1");

        WebElement banner = new WebDriverWait(en, Duration.ofSeconds(2))
                .until(d -> d.findElements(By.cssSelector(".breaking-alert .breaking-text")).stream().findFirst()
                        .orElse(null));
        assertThat(banner.getText()).isEqualTo("Airport closed by fog");
        assertThat(en.executeScript("return window.__samePage === true;")).as("no reload").isEqualTo(true);
        List<WebElement> other = ru.findElements(By.cssSelector(".breaking-alert"));
        assertThat(other).as("another edition's page").isEmpty();

        alerts.clear("en", "editor@test", "127.0.0.1");
        new WebDriverWait(en, Duration.ofSeconds(2))
                .until(d -> d.findElements(By.cssSelector(".breaking-alert")).isEmpty());
        assertThat(en.executeScript("return window.__samePage === true;")).isEqualTo(true);
    }
}
