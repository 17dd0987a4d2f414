package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * Issue 18 in a browser: an admin registers a webhook from the person's menu; an address inside the network is
 * refused beside the field with the reason, and a public one is listed with its (empty) delivery log. It hears of
 * closed cycles only: a webhook of check-ins in the suite's shared instance would give every later check-in a
 * publication (WinsIntegrationTests counts them).
 */
@TandemIntegrationTest
class WebhooksBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void anAdminRegistersAWebhookAndAPrivateAddressIsRefusedWithItsReason() {
		String suffix = Long.toString(System.nanoTime(), 36);
		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.find(By.cssSelector(".usermenu summary")).click();
			chrome.find(By.linkText("Webhooks")).click();
			chrome.waitFor(d -> d.getCurrentUrl().endsWith("/webhooks"));

			chrome.type(By.id("url"), "http://10.0.0.7/hooks/" + suffix);
			chrome.type(By.id("secret"), "browser-secret-0123456789");
			chrome.find(By.cssSelector("input[name=events][value='cycle.closed']")).click();
			chrome.find(By.xpath("//button[normalize-space()='Register']")).click();
			assertThat(chrome.text(By.id("url-error"), t -> t.contains("private"))).contains("10.0.0.7", "private");
			assertThat(chrome.find(By.id("url")).getAttribute("value")).as("what was typed stays")
				.isEqualTo("http://10.0.0.7/hooks/" + suffix);

			chrome.find(By.id("url")).clear();
			chrome.type(By.id("url"), "http://93.184.216.34/hooks/" + suffix);
			chrome.type(By.id("secret"), "browser-secret-0123456789");
			chrome.find(By.xpath("//button[normalize-space()='Register']")).click();
			assertThat(chrome.text(By.cssSelector("[role=status]"), t -> t.startsWith("Registered"))).startsWith("Registered");
			String card = chrome.find(By.xpath("//article[.//code[text()='http://93.184.216.34/hooks/" + suffix + "']]"))
				.getText();
			assertThat(card).contains("cycle.closed", "Active", "Nothing sent yet.");
			chrome.screenshot("webhooks");
		}
	}
}
