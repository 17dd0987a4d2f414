package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * Issue 18 in a browser: a mention rings the bell; the bell, reached with the keyboard, opens the notifications;
 * opening one lands on the comment and the bell goes quiet; the settings page keeps what the person chose.
 */
@TandemIntegrationTest
class NotificationsBrowserTests {

	private static final String PASSWORD = "bell-password-1";

	@LocalServerPort
	int port;

	@Test
	void aMentionRingsTheBellAndOpeningItLandsOnTheComment() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		for (String name : List.of("ria", "sam")) {
			admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name.toUpperCase() + " " + suffix,
					"password", PASSWORD));
		}
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Bell " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		String objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Answer faster " + suffix,
				"level", "COMPANY", "keyResults", List.of(Map.of("title", "Minutes", "type", "DECREASE", "startValue", 30,
						"targetValue", 10)))).str("/id");
		ApiClient.user(port, "sam-" + suffix, PASSWORD).post("/api/v1/objectives/" + objective + "/comments",
				Map.of("body", "@ria-" + suffix + " could you take the night shift numbers?"));

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("ria-" + suffix, PASSWORD);
			var bell = chrome.find(By.cssSelector(".topbar .bell"));
			assertThat(bell.getAttribute("aria-label")).isEqualTo("Notifications: 1 unread");
			assertThat(chrome.find(By.cssSelector(".bell-count")).getText()).isEqualTo("1");
			bell.sendKeys(Keys.ENTER);
			chrome.waitFor(d -> d.getCurrentUrl().endsWith("/notifications"));
			var item = chrome.find(By.cssSelector(".notification.unread a"));
			assertThat(item.getText()).contains("SAM " + suffix + " mentioned you on Answer faster " + suffix);
			chrome.screenshot("notifications");
			item.sendKeys(Keys.ENTER);
			chrome.waitFor(d -> d.getCurrentUrl().contains("/okrs/objectives/" + objective + "#comment-"));
			chrome.waitFor(d -> d.findElements(By.cssSelector(".bell-count")).isEmpty());
			assertThat(chrome.find(By.cssSelector(".topbar .bell")).getAttribute("aria-label")).isEqualTo("Notifications");

			chrome.go("/notifications/settings");
			var email = chrome.find(By.id("ch-MENTION-EMAIL"));
			assertThat(email.isSelected()).as("mentions go by e-mail unless one chooses otherwise").isTrue();
			email.sendKeys(Keys.SPACE);
			// a time field's keys depend on the browser's locale (12 or 24 hours): set the value as a date picker would
			((org.openqa.selenium.JavascriptExecutor) chrome.driver()).executeScript(
					"document.getElementById('quietFrom').value = '22:00'; document.getElementById('quietTo').value = '07:00';");
			chrome.screenshot("notification-settings");
			chrome.find(By.xpath("//button[normalize-space()='Save']")).click();
			assertThat(chrome.text(By.cssSelector("[role=status]"), "Saved."::equals)).isEqualTo("Saved.");
			assertThat(chrome.find(By.id("ch-MENTION-EMAIL")).isSelected()).isFalse();
			assertThat(chrome.find(By.id("ch-MENTION-IN_APP")).isSelected()).isTrue();
			assertThat(chrome.find(By.id("quietFrom")).getAttribute("value")).isEqualTo("22:00");
		}
	}
}
