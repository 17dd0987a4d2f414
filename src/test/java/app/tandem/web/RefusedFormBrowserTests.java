package app.tandem.web;

import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A form refused with the whole page puts the person on its first field in error, in view (issue 17, item 2). */
@TandemIntegrationTest
class RefusedFormBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aRefusedNewKpiFocusesItsFirstFieldInError() {
		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/kpis/new");
			chrome.find(By.cssSelector("form.kpi-form button[type=submit]")).click();
			chrome.waitFor(d -> !d.findElements(By.cssSelector("main [aria-invalid=true]")).isEmpty());
			WebElement first = chrome.find(By.cssSelector("main [aria-invalid=true]"));
			chrome.waitFor(d -> first.equals(d.switchTo().activeElement()));
			assertThat(chrome.driver().switchTo().activeElement().getAttribute("id")).isEqualTo(first.getAttribute("id"));
			Object inView = ((JavascriptExecutor) chrome.driver()).executeScript(
					"var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
					first);
			assertThat(inView).as("the field in error is in view").isEqualTo(true);
		}
	}
}
