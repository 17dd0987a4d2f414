package app.tandem.templates;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OKR templates over the API: listed and filtered, adopted into a cycle for a team as a draft that only those
 * who may change it see, then published. Company → sales (led by Lena, Mia a member) and support beside it (Sid a
 * member).
 */
@TandemIntegrationTest
class TemplatesIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	ApiClient admin;

	String suffix;

	String cycle;

	String sales;

	String support;

	Map<String, String> users = new HashMap<>();

	@BeforeEach
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String company = admin.post("/api/v1/teams", Map.of("name", "Company " + suffix)).str("/id");
		sales = admin.post("/api/v1/teams", Map.of("name", "Sales " + suffix, "parentId", company)).str("/id");
		support = admin.post("/api/v1/teams", Map.of("name", "Support " + suffix, "parentId", company)).str("/id");
		person("lena", sales, "LEAD");
		person("mia", sales, "MEMBER");
		person("sid", support, "MEMBER");
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Templates " + suffix, "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
	}

	private void person(String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name, "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		users.put(name, id);
	}

	private ApiClient as(String name) {
		return ApiClient.basic(port, name + "-" + suffix, PASSWORD);
	}

	@Test
	void theTemplatesAreListedFilteredAndSearched() {
		var all = as("mia").get("/api/v1/library/okrs");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("items").size()).isGreaterThanOrEqualTo(20);
		assertThat(all.json().get("next").isNull()).as("one page: a list answers {items, next}").isTrue();
		var salesTeam = as("mia").get("/api/v1/library/okrs?function=SALES&level=TEAM");
		assertThat(salesTeam.json().get("items").size()).isGreaterThanOrEqualTo(1);
		salesTeam.json().get("items").forEach(t -> {
			assertThat(t.get("function").asString()).isEqualTo("SALES");
			assertThat(t.get("level").asString()).isEqualTo("TEAM");
		});
		var searched = as("mia").get("/api/v1/library/okrs?q=FIRST-RESPONSE");
		assertThat(searched.text()).contains("service-team-fast-answers");
		assertThat(searched.json().get("items").size()).isLessThan(all.json().get("items").size());
		var one = as("mia").get("/api/v1/library/okrs/sales-team-pipeline");
		assertThat(one.str("/title")).isEqualTo("Build a pipeline we can count on");
		assertThat(one.str("/keyResults/0/type")).isEqualTo("INCREASE");
		assertThat(as("mia").get("/api/v1/library/okrs/no-such-template").status()).isEqualTo(404);
		assertThat(as("mia").get("/api/v1/library/okrs?function=ASTROLOGY").status()).isEqualTo(400);
	}

	@Test
	void anAdoptedTemplateIsADraftOnlyThoseWhoMayChangeItSeeUntilPublished() {
		var adopted = as("lena").post("/api/v1/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", cycle, "teamId", sales));
		assertThat(adopted.status()).as(adopted.text()).isEqualTo(201);
		assertThat(adopted.json().get("draft").asBoolean()).isTrue();
		assertThat(adopted.str("/teamId")).isEqualTo(sales);
		assertThat(adopted.str("/level")).isEqualTo("TEAM");
		assertThat(adopted.json().get("keyResults").size()).isEqualTo(4);
		LocalDate end = LocalDate.parse(admin.get("/api/v1/cycles/" + cycle).str("/endDate"));
		adopted.json().get("keyResults").forEach(kr -> assertThat(kr.get("dueDate").asString()).isEqualTo(end.toString()));
		String id = adopted.str("/id");

		assertThat(as("lena").get("/api/v1/objectives/" + id).status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/objectives/" + id).status()).isEqualTo(200);
		assertThat(as("sid").get("/api/v1/objectives/" + id).status()).isEqualTo(404);
		assertThat(as("sid").get("/api/v1/objectives?cycleId=" + cycle).text()).doesNotContain(id);
		assertThat(as("mia").get("/api/v1/objectives/" + id).status()).as("a plain member of the team").isEqualTo(404);
		assertThat(as("sid").post("/api/v1/objectives/" + id + "/publish", Map.of()).status()).isEqualTo(404);
		assertThat(as("mia").post("/api/v1/objectives/" + id + "/publish", Map.of()).status()).isEqualTo(404);

		var published = as("lena").post("/api/v1/objectives/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.text()).isEqualTo(200);
		assertThat(published.json().get("draft").asBoolean()).isFalse();
		assertThat(published.str("/visibility")).isEqualTo("PUBLIC");
		assertThat(as("sid").get("/api/v1/objectives/" + id).status()).isEqualTo(200);
		assertThat(as("sid").get("/api/v1/objectives?cycleId=" + cycle).text()).contains(id);
		assertThat(as("lena").post("/api/v1/objectives/" + id + "/publish", Map.of()).status())
			.as("published already").isEqualTo(409);
	}

	@Test
	void publishingCanKeepItPrivateAndIsVersionChecked() {
		String id = as("lena").post("/api/v1/library/okrs/finance-team-fast-close/adopt",
				Map.of("cycleId", cycle, "teamId", sales)).str("/id");
		assertThat(as("lena").post("/api/v1/objectives/" + id + "/publish", Map.of("version", 7)).status())
			.isEqualTo(409);
		var published = as("lena").post("/api/v1/objectives/" + id + "/publish", Map.of("visibility", "PRIVATE"));
		assertThat(published.str("/visibility")).isEqualTo("PRIVATE");
		assertThat(as("sid").get("/api/v1/objectives/" + id).status()).isEqualTo(404);
		assertThat(as("lena").get("/api/v1/objectives/" + id).status()).isEqualTo(200);
	}

	@Test
	void aMemberMayAdoptAnIndividualTemplateForThemselvesButNotATeamOne() {
		var team = as("mia").post("/api/v1/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", cycle, "teamId", sales));
		assertThat(team.status()).as(team.text()).isEqualTo(403);
		var mine = as("mia").post("/api/v1/library/okrs/sales-individual-new-accounts/adopt",
				Map.of("cycleId", cycle, "teamId", sales));
		assertThat(mine.status()).as(mine.text()).isEqualTo(201);
		assertThat(mine.str("/ownerId")).isEqualTo(users.get("mia"));
		assertThat(as("mia").get("/api/v1/objectives/" + mine.str("/id")).status()).isEqualTo(200);
		assertThat(as("sid").get("/api/v1/objectives/" + mine.str("/id")).status()).isEqualTo(404);
		var forSomeoneElse = as("mia").post("/api/v1/library/okrs/sales-individual-new-accounts/adopt",
				Map.of("cycleId", cycle, "teamId", sales, "ownerId", users.get("lena")));
		assertThat(forSomeoneElse.status()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		String before = admin.get("/api/v1/objectives?cycleId=" + cycle).text();
		assertThat(as("lena").post("/api/v1/library/okrs/sales-team-pipeline/adopt", Map.of("teamId", sales)).status())
			.isEqualTo(400);
		var noCycle = as("lena").post("/api/v1/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", "00000000-0000-0000-0000-000000000000", "teamId", sales));
		assertThat(noCycle.status()).isEqualTo(400);
		assertThat(noCycle.text()).contains("cycleId");
		var noTeam = as("lena").post("/api/v1/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", cycle, "teamId", "00000000-0000-0000-0000-000000000000"));
		assertThat(noTeam.status()).isEqualTo(400);
		assertThat(noTeam.text()).contains("teamId");
		assertThat(as("lena").post("/api/v1/library/okrs/nothing-here/adopt", Map.of("cycleId", cycle, "teamId", sales))
			.status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/objectives?cycleId=" + cycle).text()).isEqualTo(before);
	}

	@Test
	void aClosedCycleIsRefusedAsCreatingAnObjectiveThereIs() {
		LocalDate past = LocalDate.now().minusYears(1);
		String closed = admin.post("/api/v1/cycles", Map.of("name", "Closed " + suffix, "startDate",
				past.toString(), "endDate", past.plusDays(80).toString())).str("/id");
		assertThat(admin.post("/api/v1/cycles/" + closed + "/close", Map.of()).status()).isEqualTo(200);
		var byHand = admin.post("/api/v1/objectives", Map.of("cycleId", closed, "title", "Late", "level", "TEAM",
				"teamId", sales, "keyResults", List.of()));
		var adopted = admin.post("/api/v1/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", closed, "teamId", sales));
		assertThat(adopted.status()).as(adopted.text()).isEqualTo(byHand.status()).isEqualTo(409);
	}
}
