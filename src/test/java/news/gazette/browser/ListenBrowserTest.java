package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import news.gazette.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Listen button in Chromium, with the browser's speech synthesis replaced by a stand-in whose voices the test
 * chooses (headless Chromium has none), so what the page asks it to say can be read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium.devtools=ERROR")
class ListenBrowserTest {

    /** Speech synthesis with the voices in {@code window.__voices}; {@code window.__speech} records what it is told. */
    private static final String STAND_IN = """
            (function () {
              var listeners = [];
              var state = window.__speech = { voices: %s, spoken: [], cancelled: 0 };
              state.announce = function (voices) {
                state.voices = voices;
                listeners.forEach(function (listener) { listener(); });
              };
              Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
                getVoices: function () { return state.voices; },
                speak: function (utterance) { state.spoken.push(utterance.text + ' [' + utterance.lang + ']'); },
                cancel: function () { state.cancelled++; },
                addEventListener: function (type, listener) { if (type === 'voiceschanged') { listeners.push(listener); } }
              }});
              window.SpeechSynthesisUtterance = function (text) { this.text = text; };
            }());""";

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    String origin() {
        return "http://localhost:" + port;
    }

    String story(String edition) {
        return jdbc.sql("""
                        select '/' || s.edition || '/' || se.slug || '/' || s.id || '-' || s.slug from stories s
                        join sections se on se.id = s.section_id where s.edition = ? and s.status = 'published'
                        order by s.id limit 1""").param(edition).query(String.class).single();
    }

    ChromeDriver withVoices(String voices) {
        ChromeDriver driver = browser.newPage(origin());
        Browser.cdp(driver, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", STAND_IN.formatted(voices)));
        return driver;
    }

    @Test
    void withoutScriptsThereIsNoListenButton() throws Exception {
        var html = Jsoup.connect(origin() + story("en")).get();
        assertThat(html.select("button[data-listen]").hasAttr("hidden")).isTrue();
        assertThat(html.select("button[data-listen]").attr("data-lang")).isEqualTo("en");
    }

    @Test
    void itReadsTheStoryInAVoiceOfTheEditionsLanguageAndStops() {
        ChromeDriver driver = withVoices("[{ lang: 'ru-RU', name: 'Test' }]");
        driver.get(origin() + story("ru"));
        WebElement listen = driver.findElement(By.cssSelector("[data-listen]"));
        Browser.waitFor(driver).until(d -> listen.isDisplayed());
        assertThat(listen.getText()).isEqualTo("Слушать");

        listen.click();

        @SuppressWarnings("unchecked")
        List<String> spoken = (List<String>) driver.executeScript("return window.__speech.spoken");
        String headline = driver.findElement(By.cssSelector(".story-headline")).getText();
        assertThat(spoken.get(0)).isEqualTo(headline + " [ru-RU]");
        assertThat(spoken.size()).as("headline, standfirst and the paragraphs").isGreaterThan(2);
        assertThat(listen.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(listen.getText()).isEqualTo("Остановить");

        listen.click();
        assertThat(listen.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(((Number) driver.executeScript("return window.__speech.cancelled")).intValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void itIsOfferedOnlyWhenTheBrowserHasAVoiceForTheLanguageEvenOneThatArrivesLate() {
        ChromeDriver driver = withVoices("[{ lang: 'ru-RU', name: 'Test' }]");
        driver.get(origin() + story("hy"));
        WebElement listen = driver.findElement(By.cssSelector("[data-listen]"));
        assertThat(listen.isDisplayed()).as("no Armenian voice").isFalse();
        assertThat(listen.getSize().getHeight()).as("its place is kept").isGreaterThan(0);

        driver.executeScript("window.__speech.announce([{ lang: 'hy_AM', name: 'Late' }])");

        Browser.waitFor(driver).until(d -> listen.isDisplayed());
    }
}
