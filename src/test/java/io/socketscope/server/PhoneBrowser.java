package io.socketscope.server;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A phone's browser for tests: Debian's headless Chromium at an iPhone's 390x844 with its User-Agent, driven
 * through the system's chromedriver. It talks to loopback only: no proxy, no background requests, and every
 * host name but loopback resolves to nothing.
 */
public final class PhoneBrowser implements AutoCloseable {

    public static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    public final WebDriver driver;

    private PhoneBrowser(WebDriver driver) {
        this.driver = driver;
    }

    /** Why no phone browser can run here, or null when one can. */
    public static String missing() {
        if (find(BROWSERS) == null) {
            return "no Chromium here (apt-get install chromium chromium-driver); the phone-browser tests are skipped";
        }
        if (find(DRIVERS) == null) {
            return "no chromedriver here (apt-get install chromium-driver); the phone-browser tests are skipped";
        }
        return null;
    }

    public static PhoneBrowser open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find(BROWSERS));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=390,844", "--no-proxy-server", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
                "--disable-client-side-phishing-detection", "--disable-features=OptimizationHints,MediaRouter,Translate",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1", "--user-agent=" + IPHONE);
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0), "userAgent", IPHONE));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(find(DRIVERS)))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new PhoneBrowser(driver);
    }

    /** Waits (up to {@code seconds}) until {@code condition} gives something other than null or false. */
    public <T> T await(int seconds, String what, Function<WebDriver, T> condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        T last = null;
        RuntimeException failure = null;
        while (System.nanoTime() - end < 0) {
            try {
                last = condition.apply(driver);
                failure = null;
                if (last != null && !Boolean.FALSE.equals(last)) {
                    return last;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                failure = e;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("waited " + seconds + " s for " + what + (failure != null ? ": " + failure : ""));
    }

    private static String find(List<String> paths) {
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
