package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import news.gazette.push.PushSubscriptions;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Web Push opt-in in Chromium: hidden without scripts, offered where the browser has push, no permission asked
 * on arrival, and a click that asks, registers the site's own service worker for the whole site and subscribes.
 * Headless Chromium has no push service to subscribe with, so {@code PushManager.subscribe} is replaced by a
 * stand-in that records what the page passes it (the VAPID key) and answers a subscription as a browser would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.org.openqa.selenium.devtools=ERROR", "gazette.push.allow-loopback=true"})
class PushBrowserTest {

    private static final String ENDPOINT = "http://127.0.0.1:9/push/browser-test";
    /** A browser's keys: a fresh P-256 point and auth secret (nothing is sent in this test). */
    private static final String P256DH;
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";

    static {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            var key = (java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            byte[] x = key.getW().getAffineX().toByteArray();
            byte[] y = key.getW().getAffineY().toByteArray();
            System.arraycopy(x, Math.max(0, x.length - 32), point, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
            System.arraycopy(y, Math.max(0, y.length - 32), point, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
            P256DH = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(point);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String STAND_IN = """
            (function () {
              var state = window.__push = { calls: [], asked: 0, sub: null };
              if (window.Notification) {
                var ask = Notification.requestPermission.bind(Notification);
                Notification.requestPermission = function () { state.asked++; return ask(); };
              }
              if (!window.PushManager) { return; }
              PushManager.prototype.subscribe = function (options) {
                state.calls.push({ visible: options.userVisibleOnly, keyLength: options.applicationServerKey.length });
                state.sub = { endpoint: '%s', toJSON: function () {
                  return { endpoint: '%s', keys: { p256dh: '%s', auth: '%s' } }; } };
                return Promise.resolve(state.sub);
              };
              PushManager.prototype.getSubscription = function () { return Promise.resolve(state.sub); };
            }());""".formatted(ENDPOINT, ENDPOINT, P256DH, AUTH);

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired PushSubscriptions subscriptions;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    String origin() {
        return "http://localhost:" + port;
    }

    @Test
    void withoutScriptsTheControlIsHidden() throws Exception {
        var html = Jsoup.connect(origin() + "/en/").get();
        assertThat(html.select("[data-push-optin]").hasAttr("hidden")).isTrue();
        assertThat(html.select("button[data-push-alerts]").attr("data-push-alerts")).isEqualTo("en");
        assertThat(html.select("script[src^=/assets/js/push-]")).hasSize(1);
    }

    @Test
    void aClickAsksRegistersTheSitesServiceWorkerAndSubscribesTheEdition() {
        ChromeDriver driver = browser.newPage(origin());
        Browser.cdp(driver, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", STAND_IN));
        Browser.cdp(driver, "Browser.grantPermissions", Map.of("origin", origin(),
                "permissions", java.util.List.of("notifications")));
        driver.get(origin() + "/en/");
        WebElement control = driver.findElement(By.cssSelector("button[data-push-alerts]"));
        Browser.waitFor(driver).until(d -> control.isDisplayed());
        assertThat(control.getText()).isEqualTo("Breaking news on this device");
        assertThat(((Number) driver.executeScript("return window.__push.asked")).intValue())
                .as("no permission question on arrival").isZero();

        control.click();

        Browser.waitFor(driver).until(d -> "true".equals(control.getAttribute("aria-pressed")));
        assertThat(((Number) driver.executeScript("return window.__push.asked")).intValue()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> call = (Map<String, Object>) driver.executeScript("return window.__push.calls[0]");
        assertThat(call).containsEntry("visible", true).containsEntry("keyLength", 65L);
        assertThat(subscriptions.exists(ENDPOINT, "en", 0)).isTrue();
        Object scope = driver.executeAsyncScript("var done = arguments[0];"
                + "navigator.serviceWorker.getRegistration('/').then(function (r) { done(r ? r.scope : null); });");
        assertThat(scope).isEqualTo(origin() + "/");

        control.click();

        Browser.waitFor(driver).until(d -> "false".equals(control.getAttribute("aria-pressed")));
        assertThat(subscriptions.exists(ENDPOINT, "en", 0)).isFalse();
    }
}
