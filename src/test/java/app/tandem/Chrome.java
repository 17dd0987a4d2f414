package app.tandem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through chromedriver, as a person uses Tandem: types, clicks, waits for what
 * appears. Without Chromium installed the browser tests are skipped, unless {@code TANDEM_REQUIRE_BROWSER=true}
 * (CI sets it, after installing it), where its absence fails them.
 */
public final class Chrome implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TANDEM_CHROMIUM", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getenv().getOrDefault("TANDEM_CHROMEDRIVER",
			"/usr/bin/chromedriver"));

	/** Where screenshots go: to look at when a browser test fails in CI. */
	private static final Path SHOTS = Path.of("target/screenshots");

	private final WebDriver driver;

	private final String base;

	private Chrome(WebDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	public static Chrome open(int port) {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!present && !"true".equals(System.getenv("TANDEM_REQUIRE_BROWSER"))) {
			Assumptions.abort("no Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--window-size=1280,900", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Chrome(new ChromeDriver(service, options), "http://localhost:" + port);
	}

	public WebDriver driver() {
		return driver;
	}

	public void go(String path) {
		driver.get(base + path);
	}

	public void signIn(String username, String password) {
		go("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".usermenu")));
	}

	public WebElement find(By by) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public void type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Chooses the option with this text in the select of this id; when the select does not offer it yet, types the
	 * text into the search field beside it first, as a person does in a long list, and waits for it to be offered.
	 */
	public void choose(String selectId, String text) {
		By option = By.xpath("//select[@id='" + selectId + "']/option[normalize-space()='" + text + "']");
		if (driver.findElements(option).isEmpty()) {
			type(By.cssSelector("#" + selectId + " ~ input[type=search]"), text);
			waitFor(d -> !d.findElements(option).isEmpty());
		}
		new org.openqa.selenium.support.ui.Select(find(By.id(selectId))).selectByVisibleText(text);
	}

	/**
	 * The element's text once it satisfies {@code expected}, or its last text after ten seconds, so that an
	 * assertion on the answer reports what the page showed. Survives the page being replaced meanwhile.
	 */
	public String text(By by, java.util.function.Predicate<String> expected) {
		String[] last = { null };
		try {
			waitFor(d -> {
				try {
					last[0] = d.findElement(by).getText();
				}
				catch (org.openqa.selenium.WebDriverException gone) {
					// the page is being replaced: not there yet, or found and then detached ("Node with given id
					// does not belong to the document", which ChromeDriver does not report as stale)
					return false;
				}
				return expected.test(last[0]);
			});
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// the caller's assertion names what was there
		}
		return last[0];
	}

	public <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
		// htmx swaps parts of the page: an element found a moment ago may be gone; look again
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

	/** The whole page as it looks, from the top, saved as target/screenshots/NAME.png. */
	public void screenshot(String name) {
		try {
			var script = (org.openqa.selenium.JavascriptExecutor) driver;
			script.executeScript("window.scrollTo(0, 0)");
			Object height = script.executeScript("return document.documentElement.scrollHeight");
			driver.manage().window().setSize(new Dimension(1280, Math.min(3000, Math.max(700,
					((Number) height).intValue()))));
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.createDirectories(SHOTS);
			Files.write(SHOTS.resolve(name + ".png"), png);
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
