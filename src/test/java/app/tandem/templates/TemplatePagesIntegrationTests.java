package app.tandem.templates;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The OKR templates page as a browser gets it: filtered, searched, a template adopted as a draft and published. */
@TandemIntegrationTest
class TemplatePagesIntegrationTests {

	private static final String PASSWORD = "template-pages-password";

	private static final Pattern OBJECTIVE = Pattern.compile("/okrs/objectives/([0-9a-f-]{36})");

	@LocalServerPort
	int port;

	ApiClient admin;

	String suffix;

	String cycle;

	String sales;

	@BeforeEach
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		sales = admin.post("/api/v1/teams", Map.of("name", "Sales " + suffix)).str("/id");
		for (String[] p : new String[][] { { "lena", "LEAD" }, { "mia", "MEMBER" } }) {
			String id = admin.post("/api/v1/users", Map.of("username", p[0] + "-" + suffix, "name", p[0] + " " + suffix,
					"password", PASSWORD)).str("/id");
			admin.put("/api/v1/teams/" + sales + "/members/" + id, Map.of("role", p[1]));
		}
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Pages " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(60).toString())).str("/id");
	}

	private PageSession as(String name) {
		return PageSession.signedIn(port, name + "-" + suffix, PASSWORD);
	}

	@Test
	void theLibraryShowsTemplatesFilteredAndSearched() {
		PageSession lena = as("lena");
		var all = lena.get("/library/okrs");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("OKR templates", "Build a pipeline we can count on", "Adopt as a draft",
				"from 62 to 48 days", "aria-current=\"true\"", "hx-get=\"/library/okrs/sales-team-pipeline/adopt-form\"")
			.doesNotContain("Sales " + suffix);
		// each template's form, with every team to choose, comes when asked for, or with ?open= without script
		assertThat(lena.get("/library/okrs/sales-team-pipeline/adopt-form").body()).startsWith("<form")
			.contains("Sales " + suffix, "Pages " + suffix);
		assertThat(lena.get("/library/okrs?open=sales-team-pipeline").body()).contains("Sales " + suffix,
				"action=\"/library/okrs/sales-team-pipeline/adopt\"");
		var finance = lena.get("/library/okrs?function=FINANCE&level=TEAM");
		assertThat(finance.body()).contains("Give the business numbers it can act on, sooner")
			.doesNotContain("Build a pipeline we can count on");
		assertThat(finance.body()).contains("<label for=\"f-function\">Function</label>",
				"value=\"FINANCE\" selected=\"selected\"", "value=\"TEAM\" selected=\"selected\"");
		assertThat(lena.get("/library/okrs?q=pipeline").body()).contains("Build a pipeline we can count on")
			.doesNotContain("Give the business numbers");
		assertThat(lena.get("/library/okrs?q=zzqqxx").body()).contains("No template matches");
		assertThat(lena.get("/library/okrs?function=NONSENSE").statusCode()).isEqualTo(200);
		var german = lena.get("/library/okrs?lang=de");
		assertThat(german.body()).contains("OKR-Vorlagen", "Als Entwurf übernehmen");
	}

	@Test
	void aTemplateIsAdoptedAsADraftChangedAndPublished() {
		PageSession lena = as("lena");
		lena.get("/library/okrs");
		var adopted = lena.post("/library/okrs/sales-team-pipeline/adopt", Map.of("cycleId", cycle, "teamId", sales));
		assertThat(adopted.statusCode()).isEqualTo(302);
		Matcher id = OBJECTIVE.matcher(adopted.headers().firstValue("Location").orElse(""));
		assertThat(id.find()).isTrue();
		var page = lena.get("/okrs/objectives/" + id.group(1));
		assertThat(page.body()).contains("A draft: change it, then publish", "draft-badge", ">Publish<",
				"Build a pipeline we can count on");
		assertThat(page.body()).as("a draft is written, not tracked yet: no status, progress or check-in")
			.doesNotContain("class=\"status ", "class=\"inline-form checkin\"", "Off track");
		PageSession mia = as("mia");
		assertThat(mia.get("/okrs/objectives/" + id.group(1)).statusCode()).isEqualTo(404);
		assertThat(mia.get("/okrs?cycleId=" + cycle).body()).doesNotContain("Build a pipeline we can count on");
		assertThat(lena.get("/okrs?cycleId=" + cycle).body()).contains("Build a pipeline we can count on", "draft-badge");

		long version = admin.get("/api/v1/objectives/" + id.group(1)).json().get("version").asLong();
		var published = lena.post("/okrs/objectives/" + id.group(1) + "/publish",
				Map.of("visibility", "PUBLIC", "version", Long.toString(version)));
		assertThat(published.statusCode()).isEqualTo(302);
		var after = lena.get("/okrs/objectives/" + id.group(1));
		assertThat(after.body()).contains("Published").doesNotContain("draft-badge").doesNotContain(">Publish<");
		assertThat(after.body()).as("published, it is tracked").contains("class=\"inline-form checkin\"");
		assertThat(mia.get("/okrs?cycleId=" + cycle).body()).contains("Build a pipeline we can count on");
		assertThat(lena.post("/okrs/objectives/" + id.group(1) + "/publish", Map.of()).statusCode()).isEqualTo(409);
	}

	@Test
	void aGermanPageShowsAndAdoptsTheTemplatesInGerman() {
		PageSession lena = as("lena");
		String page = lena.get("/library/okrs?lang=de&q=pipeline").body();
		assertThat(page).contains("Eine Pipeline aufbauen, auf die Verlass ist",
				"Verkaufszyklus von 62 auf 48 Tage verkürzen").doesNotContain("Build a pipeline we can count on");
		assertThat(page).as("a title naming its numbers is not followed by them").doesNotContain("von 62 auf 48 Tage<");
		var adopted = lena.post("/library/okrs/sales-team-pipeline/adopt", Map.of("cycleId", cycle, "teamId", sales));
		assertThat(adopted.statusCode()).isEqualTo(302);
		String draft = adopted.headers().firstValue("Location").orElseThrow();
		assertThat(lena.get(draft.substring(draft.indexOf("/okrs/"))).body()).contains(
				"Eine Pipeline aufbauen, auf die Verlass ist", "Forecast-Genauigkeit zwischen 90 % und 110 % halten");
		lena.get("/?lang=en");
	}

	@Test
	void refusedAdoptionsComeBackBesideTheFieldWithTheChoiceKept() {
		PageSession lena = as("lena");
		lena.get("/library/okrs");
		var noTeam = lena.post("/library/okrs/sales-team-pipeline/adopt", Map.of("cycleId", cycle));
		assertThat(noTeam.statusCode()).isEqualTo(422);
		assertThat(noTeam.body()).contains("Choose the team it is for.", "aria-invalid=\"true\"",
				"aria-describedby=\"team-error-sales-team-pipeline\"", "value=\"" + cycle + "\" selected");
		var unknownCycle = lena.post("/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", "00000000-0000-0000-0000-000000000000", "teamId", sales));
		assertThat(unknownCycle.statusCode()).isEqualTo(422);
		assertThat(unknownCycle.body()).contains("cycle-error-sales-team-pipeline");
		PageSession mia = as("mia");
		mia.get("/library/okrs");
		var notHers = mia.post("/library/okrs/sales-team-pipeline/adopt", Map.of("cycleId", cycle, "teamId", sales));
		assertThat(notHers.statusCode()).isEqualTo(403);
		assertThat(notHers.body()).contains("You may not create this objective for that team",
				"value=\"" + sales + "\" selected");
		var mine = mia.post("/library/okrs/sales-individual-new-accounts/adopt", Map.of("cycleId", cycle, "teamId", sales));
		assertThat(mine.statusCode()).isEqualTo(302);
		assertThat(lena.post("/library/okrs/no-such-template/adopt", Map.of("cycleId", cycle, "teamId", sales))
			.statusCode()).isEqualTo(404);
		assertThat(admin.get("/api/v1/objectives?cycleId=" + cycle).json().get("items").size()).isEqualTo(1);
	}
}
