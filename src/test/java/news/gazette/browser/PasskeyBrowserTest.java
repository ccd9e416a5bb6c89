package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys in Chromium with a virtual authenticator (issue 21): an admin under the default policy signs in with the
 * password, is led to set up a passkey before anything else, registers one, signs out, and signs in with the passkey
 * alone; the pages run their ceremonies from the passkey script with no inline script (the CSP would block it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "gazette.admin.email=chief@example.org", "gazette.admin.password=browser admin passphrase",
        "gazette.sign-in.required-roles=ADMIN", "gazette.sign-in.passkeys.rp-id=localhost",
        "logging.level.org.openqa.selenium.devtools=ERROR"})
class PasskeyBrowserTest {

    /** A port chosen before the context starts: the passkeys' allowed origin must name it. */
    static final int PORT = freePort();

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("server.port", () -> PORT);
        registry.add("gazette.sign-in.passkeys.origins", () -> "http://localhost:" + PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPasskeyIsRegisteredAtSetupAndThenSignsInWithoutThePassword() {
        String base = "http://localhost:" + PORT;
        ChromeDriver driver = browser.newPage(base);
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true));
        try {
            driver.get(base + "/newsroom/login");
            driver.findElement(By.id("email")).sendKeys("chief@example.org");
            driver.findElement(By.id("password")).sendKeys("browser admin passphrase");
            driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlToBe(base + "/newsroom/security/setup"));
            assertThat(driver.findElements(By.cssSelector("script:not([src])"))).isEmpty();
            driver.get(base + "/newsroom/accounts");
            assertThat(driver.getCurrentUrl()).as("nothing else before setup").isEqualTo(base + "/newsroom/security/setup");

            driver.findElement(By.id("passkey-label")).clear();
            driver.findElement(By.id("passkey-label")).sendKeys("Test laptop");
            driver.findElement(By.id("passkey-add-button")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlToBe(base + "/newsroom"));
            assertThat(authenticator.getCredentials()).hasSize(1);
            assertThat(jdbc.sql("select label from user_credentials").query(String.class).list())
                    .containsExactly("Test laptop");
            List<String> actions = jdbc.sql("select action from audit_log where actor = 'chief@example.org' order by id")
                    .query(String.class).list();
            assertThat(actions).contains("login.setup-required", "passkey.added");

            driver.findElement(By.cssSelector("form[action='/newsroom/logout'] button")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/newsroom/login"));
            driver.get(base + "/newsroom");
            Browser.waitFor(driver).until(ExpectedConditions.urlContains("/newsroom/login"));

            driver.findElement(By.id("passkey-signin-button")).click();
            Browser.waitFor(driver).until(ExpectedConditions.urlToBe(base + "/newsroom"));
            driver.get(base + "/newsroom/accounts");
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/newsroom/accounts");
            assertThat(jdbc.sql("select detail from audit_log where actor = 'chief@example.org' and action = 'login' "
                    + "order by id desc limit 1").query(String.class).single()).isEqualTo("passkey");
            assertThat(jdbc.sql("select last_used from user_credentials").query(java.sql.Timestamp.class).single())
                    .isNotNull();
        } finally {
            ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        }
    }
}
