package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A quarter in the browser, as an admin runs it: opens a cycle, writes an objective with three kinds of key
 * result, checks in and sees the progress move, finds the objective on the alignment map, grades and closes the
 * cycle. No API call but to check the result.
 */
@TandemIntegrationTest
class QuarterBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void anAdminPlansChecksInAlignsGradesAndClosesAQuarter() {
		String suffix = Long.toString(System.nanoTime(), 36);
		String name = "Quarter " + suffix;
		String title = "Delight new patients " + suffix;
		LocalDate today = LocalDate.now();
		try (Chrome chrome = Chrome.open(port)) {
			// a wrong password: the message, and the user name still typed
			chrome.go("/login");
			chrome.type(By.id("username"), "admin");
			chrome.type(By.id("password"), "not-the-password");
			chrome.find(By.cssSelector("form button[type=submit]")).click();
			assertThat(chrome.text(By.id("signin-error"), t -> !t.isEmpty())).isEqualTo("Wrong user name, password or code.");
			assertThat(chrome.find(By.id("username")).getDomProperty("value")).isEqualTo("admin");
			assertThat(chrome.find(By.id("password")).getDomProperty("value")).isEmpty();
			chrome.signIn("admin", "open-sesame-test-run");

			// plan: a cycle, then an objective with an increase, a range to keep and a milestone
			chrome.go("/cycles");
			chrome.type(By.id("name"), name);
			date(chrome, "startDate", today.minusDays(20));
			date(chrome, "endDate", today.plusDays(70));
			chrome.find(By.xpath("//button[normalize-space()='Create cycle']")).click();
			chrome.find(By.linkText("New objective")).click();
			chrome.type(By.id("title"), title);
			new Select(chrome.find(By.id("level"))).selectByValue("COMPANY");
			keyResult(chrome, 0, "Raise NPS from 30 to 50", "INCREASE", "startValue", "30", "targetValue", "50");
			keyResult(chrome, 1, "Keep CSAT between 90 and 100", "THRESHOLD", "minValue", "90", "maxValue", "100");
			keyResult(chrome, 2, "Open the patient portal", "MILESTONE", null, null, null, null);
			chrome.find(By.xpath("//button[normalize-space()='Create objective']")).click();
			assertThat(chrome.find(By.cssSelector("#objective-summary h1")).getText()).isEqualTo(title);
			assertThat(chrome.driver().findElements(By.cssSelector("article.keyresult"))).hasSize(3);

			// check in: half way on the first key result; the objective moves with it, without a reload
			WebElement first = chrome.driver().findElements(By.cssSelector("article.keyresult")).get(0);
			String kr = first.getAttribute("id");
			chrome.type(By.cssSelector("#" + kr + " input[name=value]"), "40");
			chrome.find(By.cssSelector("#" + kr + " button[type=submit]")).click();
			chrome.waitFor(d -> d.findElement(By.cssSelector("#" + kr + " .pct")).getText().equals("50%"));
			assertThat(chrome.find(By.cssSelector("#objective-summary .pct")).getText()).isNotEqualTo("0%");

			// adjust: a new target with its reason, which the key result's history keeps; and a word to the team
			chrome.find(By.linkText("Change")).click();
			String edit = "#edit-" + kr.substring("kr-".length());
			chrome.type(By.cssSelector(edit + " input[name=targetValue]"), "45");
			chrome.find(By.cssSelector(edit + " button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector(edit + " .field-error"), t -> t.contains("reason")))
				.contains("is required to change the target");
			chrome.type(By.cssSelector(edit + " input[name=reason]"), "The survey moved to December");
			chrome.find(By.cssSelector(edit + " button[type=submit]")).click();
			chrome.find(By.xpath("//*[@id='" + kr + "']//summary[starts-with(normalize-space(), 'Changes')]")).click();
			assertThat(chrome.text(By.cssSelector("#" + kr), t -> t.contains("The survey moved to December")))
				.contains("Changes to its definition (1)");
			chrome.type(By.id("comment-body"), "Target adjusted; see the history");
			chrome.find(By.xpath("//button[normalize-space()='Comment']")).click();
			assertThat(chrome.text(By.cssSelector("#comments .comment-list"), t -> t.contains("Target adjusted")))
				.contains("Target adjusted; see the history");
			chrome.screenshot("objective-changed");

			// align: the objective is on the cycle's map
			chrome.find(By.linkText("Alignment")).click();
			chrome.find(By.cssSelector(".chart.alignment svg"));
			assertThat(chrome.find(By.cssSelector("ul.tree")).getText()).contains(title);
			chrome.screenshot("alignment");

			// grade and close
			chrome.find(By.linkText("OKRs")).click();
			chrome.find(By.linkText("Review and close")).click();
			String grade = "#grade-" + kr.substring("kr-".length());
			chrome.type(By.cssSelector(grade + " input[name=grade]"), "0.5");
			chrome.type(By.cssSelector(grade + " input[name=gradeNote]"), "Half way: the survey came late");
			chrome.find(By.cssSelector(grade + " button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector(grade + " [role=status]"), "Saved."::equals)).isEqualTo("Saved.");
			chrome.find(By.xpath("//button[normalize-space()='Close " + name + "']")).click();
			assertThat(chrome.driver().getCurrentUrl()).as("not closed before confirming").doesNotContain("unconfirmed");
			assertThat(chrome.driver().findElements(By.cssSelector("#close input[name=confirm]:invalid"))).hasSize(1);
			chrome.find(By.cssSelector("#close input[name=confirm]")).click();
			chrome.find(By.xpath("//button[normalize-space()='Close " + name + "']")).click();
			String closedNote = "This cycle is closed";
			assertThat(chrome.text(By.cssSelector("main .lead"), t -> t.startsWith(closedNote))).startsWith(closedNote);
			chrome.screenshot("review-closed");
		}
		ApiClient admin = ApiClient.admin(port);
		var cycles = admin.get("/api/v1/cycles?limit=1000").json().get("items");
		var closed = java.util.stream.StreamSupport.stream(cycles.spliterator(), false)
			.filter(c -> c.get("name").asString().equals(name)).findFirst().orElseThrow();
		assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
	}

	private static void date(Chrome chrome, String id, LocalDate date) {
		// a date field takes typing in the browser's own format; set its value as a person's picker would
		((JavascriptExecutor) chrome.driver()).executeScript("arguments[0].value = arguments[1]",
				chrome.find(By.id(id)), date.toString());
	}

	private static void keyResult(Chrome chrome, int row, String title, String type, String field1, String value1,
			String field2, String value2) {
		chrome.type(By.id("kr-title-" + row), title);
		new Select(chrome.find(By.id("kr-type-" + row))).selectByValue(type);
		if (field1 != null) {
			chrome.type(By.id("kr-" + field1 + "-" + row), value1);
			chrome.type(By.id("kr-" + field2 + "-" + row), value2);
		}
	}
}
