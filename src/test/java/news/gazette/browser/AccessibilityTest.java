package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * axe-core, the accessibility engine, on every kind of reader page, in all editions, in both themes, on a desktop and
 * a phone-sized viewport, with the WCAG 2.1 A and AA rules: zero violations.
 * <p>
 * axe-core comes from npm ({@code src/test/browser}, installed by {@code .ci/run} with {@code npm ci}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium.devtools=ERROR")
class AccessibilityTest {

    static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    static final String AXE_MISSING = "Accessibility checks skipped: run 'npm ci --prefix src/test/browser' to install axe-core";

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private static String axe;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @BeforeAll
    static void loadAxe() {
        if (!Files.isRegularFile(AXE)) {
            if ("true".equals(System.getenv("GAZETTE_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(AXE_MISSING);
            }
            System.out.println(AXE_MISSING);
            Assumptions.abort(AXE_MISSING);
        }
        try {
            axe = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> pages(String edition) {
        String story = jdbc.sql("""
                        select '/' || s.edition || '/' || se.slug || '/' || s.id || '-' || s.slug from stories s
                        join sections se on se.id = s.section_id where s.edition = ? and s.source_name is not null
                        order by s.id limit 1""").param(edition).query(String.class).single();
        String author = jdbc.sql("select slug from authors where edition = ? order by id limit 1")
                .param(edition).query(String.class).single();
        String word = jdbc.sql("select headline from stories where edition = ? order by id limit 1")
                .param(edition).query(String.class).single().split("\\s+")[0];
        return List.of("/" + edition + "/", "/" + edition + "/world/", story, "/" + edition + "/author/" + author,
                "/" + edition + "/search?q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8),
                "/" + edition + "/no-such-page/", "/" + edition + "/menu",
                java.time.LocalDate.now().minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("'/" + edition + "/'yyyy/MM/dd/")));
    }

    @Test
    void everyReaderPagePassesInBothThemesOnDesktopAndPhone() {
        String origin = "http://localhost:" + port;
        List<String> problems = new ArrayList<>();
        for (String viewport : List.of("desktop", "phone")) {
            ChromeDriver driver = browser.newPage(origin);
            if (viewport.equals("phone")) {
                Browser.cdp(driver, "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            }
            for (String theme : List.of("light", "dark")) {
                driver.get(origin + "/en/");
                driver.executeScript("localStorage.setItem('gazette.theme', arguments[0])", theme);
                for (String edition : List.of("en", "ru", "hy")) {
                    List<String> paths = pages(edition);
                    // On the phone: every page of one edition, and the story page of the others.
                    if (viewport.equals("phone") && !edition.equals("en")) {
                        paths = List.of(paths.get(2));
                    }
                    for (String path : paths) {
                        driver.get(origin + path);
                        assertThat(driver.executeScript("return document.documentElement.getAttribute('data-theme')"))
                                .isEqualTo(theme);
                        problems.addAll(violations(driver, viewport + " " + theme + " " + path));
                    }
                }
            }
        }
        assertThat(problems).as("axe-core violations (WCAG 2.1 A/AA)").isEmpty();
    }

    @Test
    void theCheckFindsAViolationWhenThereIsOne() {
        ChromeDriver driver = browser.newPage("http://localhost:" + port);
        driver.get("http://localhost:" + port + "/en/");
        driver.executeScript("document.querySelector('.story-figure, .teaser-image img, img').removeAttribute('alt');"
                + "document.querySelector('.teaser-image')?.removeAttribute('aria-hidden');"
                + "document.querySelector('.teaser-image')?.removeAttribute('tabindex');");
        assertThat(violations(driver, "broken on purpose")).isNotEmpty();
    }

    /** axe-core's script, read once (also for other test classes of this package). */
    static synchronized String axeSource() {
        if (axe == null) {
            try {
                axe = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    @SuppressWarnings("unchecked")
    static List<String> violations(ChromeDriver driver, String where) {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        List<String> found = new ArrayList<>();
        for (Object violation : (List<Object>) result) {
            found.add(where + " → " + violation);
        }
        return found;
    }
}
