package news.gazette.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real-browser support for tests: Debian's Chromium driven by Debian's chromedriver, both at fixed paths, so Selenium
 * Manager is never asked to find (or download) anything.
 * <p>
 * Register it as a static extension field ({@code @RegisterExtension static Browser browser = new Browser();}):
 * <ul>
 *   <li>before each test (before its instance, so no Spring context is started for nothing), it skips the test when
 *       Chromium is missing, or fails it when the environment variable {@code GAZETTE_REQUIRE_BROWSER=true} says the
 *       browser must be there (CI);</li>
 *   <li>{@link #newPage(String)} gives a test a fresh tab of one browser shared by the class (starting Chromium takes
 *       seconds); {@link #open()} a browser of its own;</li>
 *   <li>after a failed test, it saves a screenshot and the browser console under {@code target/browser-failures/} and
 *       prints where;</li>
 *   <li>after each test it quits the browsers the test opened, after the class the shared one, and deletes their
 *       profiles.</li>
 * </ul>
 */
public final class Browser implements TestInstancePreConstructCallback, AfterTestExecutionCallback,
        AfterEachCallback, AfterAllCallback {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    public static final String SKIP_MESSAGE = "Browser tests skipped: install Debian's chromium and chromium-driver "
            + "(apt-get install chromium chromium-driver) to run them";
    /** How long any wait for the page may take before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Path FAILURES = Paths.get("target", "browser-failures");
    private static final AtomicBoolean SKIP_NOTED = new AtomicBoolean();

    private final List<Session> sessions = new ArrayList<>();
    private Session shared;
    private boolean sharedUsed;

    /** Whether Debian's Chromium and chromedriver are installed and executable. */
    public static boolean available() {
        return Files.isRegularFile(CHROMIUM) && Files.isExecutable(CHROMIUM)
                && Files.isRegularFile(CHROMEDRIVER) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test when there is no browser, unless {@code GAZETTE_REQUIRE_BROWSER=true}: then it fails. */
    public static void assumeAvailable() {
        if (available()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("GAZETTE_REQUIRE_BROWSER"))) {
            Assertions.fail("GAZETTE_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing or not executable: apt-get install chromium chromium-driver");
        }
        if (SKIP_NOTED.compareAndSet(false, true)) {
            // Surefire lists skipped tests without their reason; say it once where a developer looks.
            System.err.println(SKIP_MESSAGE);
        }
        Assumptions.abort(SKIP_MESSAGE);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        assumeAvailable();
    }

    /**
     * A new, blank tab of the browser the test class shares (1280x900, waiting for each page's load event), started
     * on first use. Every other tab is closed, so device emulation, user agent overrides and scripts added to new
     * documents (all per tab) are gone; granted permissions are reset, and the storage and cookies of
     * {@code origin} cleared.
     */
    public ChromeDriver newPage(String origin) {
        if (shared == null) {
            shared = start(false);
        }
        sharedUsed = true;
        ChromeDriver driver = shared.driver();
        Set<String> old = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : old) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(fresh);
        cdp(driver, "Browser.resetPermissions", Map.of());
        cdp(driver, "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        return driver;
    }

    /** A browser of the test's own, quit after the test: a desktop window (1280x900). */
    public ChromeDriver open() {
        Session session = start(false);
        sessions.add(session);
        return session.driver();
    }

    /**
     * A browser of the test's own that leaves the browser's question before a page with unsaved changes is left
     * ({@code beforeunload}) to the test, as an alert to answer with Selenium's alert API. Otherwise ChromeDriver
     * accepts that question unseen (WebDriver Classic's rule, in ChromeDriver since 127), and a test cannot tell it was
     * asked. Only a session with WebDriver BiDi on ({@code webSocketUrl}) honours {@code beforeUnload: ignore}; while
     * the question is open, every command but the alert's fails.
     */
    public ChromeDriver openAskingBeforeLeaving() {
        Session session = start(true);
        sessions.add(session);
        return session.driver();
    }

    private Session start(boolean askBeforeLeaving) {
        assumeAvailable();
        Path profile;
        try {
            profile = Files.createTempDirectory("gazette-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=en-US");
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        if (askBeforeLeaving) {
            options.setCapability("webSocketUrl", true);
            options.setCapability("unhandledPromptBehavior", Map.of("beforeUnload", "ignore",
                    "default", "dismiss and notify"));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
        return new Session(driver, profile);
    }

    /** Signs in to the newsroom as a person does: the login form, then the desk. */
    public static ChromeDriver signIn(ChromeDriver driver, String base, String email, String password) {
        driver.get(base + "/newsroom/login");
        driver.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector(".login-form button[type=submit]")).click();
        waitFor(driver).until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(base + "/newsroom"));
        return driver;
    }

    /** A wait for the given browser, with the common timeout. */
    public static WebDriverWait waitFor(ChromeDriver driver) {
        return new WebDriverWait(driver, TIMEOUT);
    }

    /** Runs a Chrome DevTools Protocol command in the browser's current tab. */
    public static Map<String, Object> cdp(ChromeDriver driver, String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        List<ChromeDriver> used = new ArrayList<>();
        if (sharedUsed) {
            used.add(shared.driver());
        }
        sessions.forEach(session -> used.add(session.driver()));
        for (int i = 0; i < used.size(); i++) {
            saveEvidence(used.get(i), name + (used.size() > 1 ? "-browser" + (i + 1) : ""));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sessions.forEach(Browser::close);
        sessions.clear();
        sharedUsed = false;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shared != null) {
            close(shared);
            shared = null;
        }
    }

    private static void close(Session session) {
        try {
            session.driver().quit();
        } catch (RuntimeException e) {
            System.err.println("Could not quit the browser: " + e);
        }
        delete(session.profile());
    }

    private static void saveEvidence(ChromeDriver driver, String base) {
        try {
            Files.createDirectories(FAILURES);
        } catch (IOException e) {
            System.err.println("Could not create " + FAILURES.toAbsolutePath() + ": " + e);
            return;
        }
        Path screenshot = FAILURES.resolve(base + ".png");
        try {
            Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
            System.err.println("Browser screenshot of the failed test: " + screenshot.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save a screenshot of the failed test: " + e);
        }
        Path console = FAILURES.resolve(base + "-console.log");
        try {
            StringBuilder text = new StringBuilder();
            text.append("URL: ").append(driver.getCurrentUrl()).append('\n');
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                text.append(Instant.ofEpochMilli(entry.getTimestamp())).append(' ').append(entry.getLevel())
                        .append(' ').append(entry.getMessage()).append('\n');
            }
            Files.writeString(console, text, StandardCharsets.UTF_8);
            System.err.println("Browser console of the failed test: " + console.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the browser console of the failed test: " + e);
        }
        Path page = FAILURES.resolve(base + ".html");
        try {
            Files.writeString(page, driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Page source of the failed test: " + page.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the page source of the failed test: " + e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary profile left behind is harmless.
        }
    }

    private record Session(ChromeDriver driver, Path profile) {
    }
}
