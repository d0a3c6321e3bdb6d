package qc.esac.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The web portal in a real browser: Debian's chromium, headless, through the system's chromedriver (nothing is
 * downloaded; Selenium Manager never runs since the driver's path is given). Checks each page with axe-core (from
 * the portal's npm packages, injected from the local file) against WCAG 2.1 A and AA, and saves screenshots.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("esac.root", "../.."));
    private static final String CHROMIUM = System.getProperty("esac.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("esac.chromedriver", "/usr/bin/chromedriver");
    /** Desktop size of the screenshots (kept small for the README). */
    static final Dimension DESKTOP = new Dimension(1100, 860);
    /** A phone's width: the portal doubles as the mobile web app. */
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final URI portal;
    private final Path screenshots;
    private final String axe;

    PortalBrowser(URI portal, Path screenshots) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=fr-CA", "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        this.portal = portal;
        this.screenshots = screenshots;
        try {
            Files.createDirectories(screenshots);
            this.axe = Files.readString(ROOT.resolve("infra/portal/node_modules/axe-core/axe.min.js"));
        } catch (IOException e) {
            driver.quit();
            throw new UncheckedIOException("axe-core comes with the portal's npm packages (infra/portal npm ci)", e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a portal route ({@code "/"} or {@code "/organisations/…"}) and waits for its page title. */
    void open(String route) {
        // From a blank page: a URL that differs from the current one only after '#' would not reload the portal.
        driver.get("about:blank");
        driver.get(portal.resolve("/").toString() + (route.equals("/") ? "" : "#" + route));
        waitForPage();
    }

    /** Goes to a route within the loaded portal (hash change, no reload) and waits for its page. */
    void go(String route) {
        ((JavascriptExecutor) driver).executeScript("window.location.hash = arguments[0];", route);
        waitForPage();
    }

    void waitForPage() {
        until(d -> !d.findElements(By.id("titre-page")).isEmpty());
        until(d -> d.findElements(By.cssSelector("main .loading")).isEmpty());
    }

    /** Waits (generously: the stack shares a busy machine); on a timeout, says where the browser was and what it showed. */
    <T> T until(Function<org.openqa.selenium.WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw stuck(e);
        }
    }

    WebElement visible(By by) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw stuck(e);
        }
    }

    private AssertionError stuck(RuntimeException timeout) {
        String page;
        try {
            screenshot("echec");
            page = driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            page = "(page unreadable: " + e + ")";
        }
        return new AssertionError("Waited " + WAIT.toSeconds() + " s in vain; the browser was at " + page, timeout);
    }

    String title() {
        return driver.findElement(By.id("titre-page")).getText();
    }

    /** Signs in at the issuer's login page (the portal sends the browser there) and waits to be back. */
    void signIn(String username, String password) {
        visible(By.id("se-connecter")).click();
        until(d -> !d.findElements(By.id("username")).isEmpty() || !d.findElements(By.cssSelector("form.signout")).isEmpty());
        if (driver.findElements(By.id("username")).isEmpty()) {
            throw new AssertionError("Signed in without the login form: the issuer's session of the previous person "
                    + "did not end at sign-out");
        }
        visible(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until(d -> d.getCurrentUrl().startsWith(portal.resolve("/").toString()));
        until(d -> !d.findElements(By.cssSelector("form.signout")).isEmpty());
    }

    void signOut() {
        driver.findElement(By.cssSelector("form.signout button")).click();
        until(d -> d.getCurrentUrl().startsWith(portal.resolve("/").toString())
                && !d.findElements(By.id("se-connecter")).isEmpty());
    }

    /** Sets a field the way a person's typing would (inputs, dates, selects), by its name. */
    void fill(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        ((JavascriptExecutor) driver).executeScript("""
                const field = arguments[0];
                const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
                setter.call(field, arguments[1]);
                field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
                """, field, value);
    }

    /** The WCAG 2.1 A/AA violations axe-core finds on the current page, as "rule: where" lines. */
    List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(axe);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')
                      + ' (' + v.help + ')'))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    /** Whether the page fits the window's width (no sideways scrolling of the whole page). */
    boolean fitsWidth() {
        Object fits = driver.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        return Boolean.TRUE.equals(fits);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
