package app.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.SecondInstance;

/**
 * The admin's first steps on Home, on an empty instance: shown to admins only, ticked as the organisation grows,
 * offering the quarter to create, gone for good once hidden (whichever node is asked), and gone once all is done.
 */
class FirstStepsIntegrationTests {

	@Test
	void anAdminOfANewOrganisationIsShownTheStepsUntilHidingThem() {
		try (SecondInstance empty = SecondInstance.start(false)) {
			int port = empty.port();
			PageSession admin = PageSession.signedIn(port, "admin", ApiClient.ADMIN_PASSWORD);
			String home = admin.get("/").body();
			assertThat(home).contains("Set up Tandem in five steps", "Create your teams", "href=\"/admin/teams#name\"",
					"href=\"/cycles#name\"");
			assertThat(home).doesNotContain("class=\"done\"");
			// the quarter is offered on Home and in the cycle form
			String quarter = "%d-Q%d".formatted(LocalDate.now().getYear(), (LocalDate.now().getMonthValue() - 1) / 3 + 1);
			assertThat(home).contains("Create " + quarter + " (");
			assertThat(admin.get("/cycles").body()).contains("value=\"" + quarter + "\"");

			ApiClient api = ApiClient.admin(port);
			String team = api.post("/api/v1/teams", Map.of("name", "Support")).str("/id");
			String mia = api.post("/api/v1/users", Map.of("username", "mia", "name", "Mia", "password",
					"a calm blue harbour")).str("/id");
			api.put("/api/v1/teams/" + team + "/members/" + mia, Map.of("role", "MEMBER"));
			home = admin.get("/").body();
			assertThat(home.split("class=\"done\"", -1)).as("teams and people ticked").hasSize(3);
			assertThat(PageSession.signedIn(port, "mia", "a calm blue harbour").get("/").body())
				.as("a member does not set the organisation up").doesNotContain("Set up Tandem");

			assertThat(admin.post("/first-steps/dismiss", Map.of()).statusCode()).isEqualTo(302);
			assertThat(PageSession.signedIn(port, "admin", ApiClient.ADMIN_PASSWORD).get("/").body())
				.as("hidden for good, in a new session too").doesNotContain("Set up Tandem")
				.contains("There is no cycle yet", "Create your first cycle");
		}
	}

	@Test
	void theStepsGoOnceEveryOneIsDone() {
		try (SecondInstance empty = SecondInstance.start(false)) {
			int port = empty.port();
			ApiClient api = ApiClient.admin(port);
			api.post("/api/v1/teams", Map.of("name", "Sales"));
			api.post("/api/v1/users", Map.of("username", "leo", "name", "Leo"));
			LocalDate today = LocalDate.now();
			String cycle = api.post("/api/v1/cycles", Map.of("name", "Now", "startDate", today.minusDays(3).toString(),
					"endDate", today.plusDays(60).toString())).str("/id");
			String kr = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Win", "level", "COMPANY",
					"keyResults", java.util.List.of(Map.of("title", "Deals", "type", "INCREASE", "startValue", 0,
							"targetValue", 5)))).str("/keyResults/0/id");
			PageSession admin = PageSession.signedIn(port, "admin", ApiClient.ADMIN_PASSWORD);
			assertThat(admin.get("/").body()).contains("Make the first check-in");
			api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 1));
			assertThat(admin.get("/").body()).doesNotContain("Set up Tandem");
		}
	}
}
