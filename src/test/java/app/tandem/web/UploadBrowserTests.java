package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A team lead uploads a KPI's values as a CSV file in a real browser: a file with a bad row is shown with the
 * row's error and nothing stored; the corrected file is previewed, stored, and drawn on the KPI's chart.
 */
@TandemIntegrationTest
class UploadBrowserTests {

	private static final String PASSWORD = "upload-browser-password-1";

	@LocalServerPort
	int port;

	@Test
	void aLeadUploadsACsvSeesTheBadRowThenStoresTheGoodOnes() throws Exception {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "up-" + suffix, "name", "Support " + suffix)).str("/id");
		String user = "una-" + suffix;
		String una = admin.post("/api/v1/users", Map.of("username", user, "name", "Una", "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + una, Map.of("role", "LEAD"));
		String key = "tickets-" + suffix;
		var kpi = admin.post("/api/v1/kpis", Map.of("key", key, "name", "Tickets solved " + suffix, "unit", "tickets",
				"teamId", team, "direction", "HIGHER_IS_BETTER", "frequency", "DAILY", "aggregation", "SUM", "target",
				100, "warningThreshold", 60));
		assertThat(kpi.status()).as(kpi.text()).isEqualTo(201);
		Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
		Path bad = Files.writeString(Files.createTempFile("bad", ".csv"), "at,value\n" + day.minus(2, ChronoUnit.DAYS)
				+ ",80\n" + day.minus(1, ChronoUnit.DAYS) + ",\n");
		Path good = Files.writeString(Files.createTempFile("good", ".csv"), "at,value\n" + day.minus(2, ChronoUnit.DAYS)
				+ ",80\n" + day.minus(1, ChronoUnit.DAYS) + ",95\n");

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn(user, PASSWORD);
			chrome.go("/kpis/" + key);
			chrome.find(By.id("upload-file")).sendKeys(bad.toString());
			chrome.find(By.cssSelector(".upload button[type=submit]")).click();
			String refused = chrome.find(By.cssSelector("#upload-result [role=alert]")).getText();
			assertThat(refused).contains("1 row needs fixing; nothing was stored.", "Line 3, value: is required");

			chrome.find(By.id("upload-file")).sendKeys(good.toString());
			chrome.find(By.cssSelector(".upload button[type=submit]")).click();
			chrome.find(By.xpath("//div[@id='upload-result']//button[normalize-space()='Store 2 values']")).click();

			assertThat(chrome.text(By.cssSelector("[role=status]"), "2 values stored."::equals)).isEqualTo("2 values stored.");
			chrome.find(By.cssSelector(".chart svg"));
			chrome.screenshot("kpi-upload");
		}
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("latestValue").asDouble()).isEqualTo(95);
	}
}
