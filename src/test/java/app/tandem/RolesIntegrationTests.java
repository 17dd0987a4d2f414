package app.tandem;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles of SPEC §1 through the API: rights are the union over a user's memberships, a lead
 * leads the teams below theirs too, members manage their own individual objectives and check in on
 * what they own, viewers read. Company → product → mobile, and sales beside product.
 */
@TandemIntegrationTest
class RolesIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	ApiClient admin;

	String suffix;

	String product;

	String mobile;

	String sales;

	String cycle;

	Map<String, String> users = new HashMap<>();

	@BeforeEach
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String company = admin.post("/api/v1/teams", Map.of("name", "Company " + suffix)).str("/id");
		product = admin.post("/api/v1/teams", Map.of("name", "Product " + suffix, "parentId", company)).str("/id");
		mobile = admin.post("/api/v1/teams", Map.of("name", "Mobile " + suffix, "parentId", product)).str("/id");
		sales = admin.post("/api/v1/teams", Map.of("name", "Sales " + suffix, "parentId", company)).str("/id");
		person("lead", product, "LEAD");
		person("member", mobile, "MEMBER");
		person("viewer", mobile, "VIEWER");
		person("outsider", sales, "MEMBER");
		person("salesadmin", sales, "ADMIN");
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Roles " + suffix, "startDate", today.minusDays(10).toString(),
				"endDate", today.plusDays(80).toString())).str("/id");
	}

	private void person(String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name, "password", PASSWORD))
			.str("/id");
		assertThat(admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role)).status()).isEqualTo(200);
		users.put(name, id);
	}

	private ApiClient as(String name) {
		return ApiClient.user(port, name + "-" + suffix, PASSWORD);
	}

	private Map<String, Object> objective(String level, String team, String owner, String krOwner) {
		Map<String, Object> kr = new HashMap<>(Map.of("title", "Ship it", "type", "MILESTONE"));
		if (krOwner != null) {
			kr.put("ownerId", users.get(krOwner));
		}
		Map<String, Object> body = new HashMap<>(Map.of("cycleId", cycle, "title", level + " objective", "level", level,
				"keyResults", List.of(kr)));
		if (team != null) {
			body.put("teamId", team);
		}
		if (owner != null) {
			body.put("ownerId", users.get(owner));
		}
		return body;
	}

	@Test
	void leadsManageTheObjectivesOfTheirTeamsAndTheTeamsBelow() {
		var below = as("lead").post("/api/v1/objectives", objective("TEAM", mobile, null, "member"));
		assertThat(below.status()).as(below.text()).isEqualTo(201);
		assertThat(as("lead").post("/api/v1/objectives", objective("TEAM", sales, null, null)).status()).isEqualTo(403);
		String id = below.str("/id");
		assertThat(as("lead").patch("/api/v1/objectives/" + id, Map.of("title", "Better")).status()).isEqualTo(200);
		assertThat(as("lead").patch("/api/v1/objectives/" + id, Map.of("teamId", sales)).status())
			.as("giving it to a team one does not lead").isEqualTo(403);
		assertThat(as("outsider").patch("/api/v1/objectives/" + id, Map.of("title", "Mine")).status()).isEqualTo(403);
		assertThat(as("outsider").delete("/api/v1/objectives/" + id).status()).isEqualTo(403);
		assertThat(as("member").post("/api/v1/objectives/" + id + "/key-results",
				Map.of("title", "More", "type", "MILESTONE")).status()).isEqualTo(403);
		var problem = as("outsider").patch("/api/v1/objectives/" + id, Map.of("title", "Mine"));
		assertThat(problem.isProblem()).isTrue();
		assertThat(admin.get("/api/v1/objectives/" + id).str("/title")).isEqualTo("Better");
	}

	@Test
	void membersManageTheirOwnIndividualObjectivesAndCheckInOnWhatTheyOwn() {
		var own = as("member").post("/api/v1/objectives", objective("INDIVIDUAL", null, null, null));
		assertThat(own.status()).as(own.text()).isEqualTo(201);
		assertThat(own.str("/ownerId")).isEqualTo(users.get("member"));
		assertThat(as("member").patch("/api/v1/objectives/" + own.str("/id"), Map.of("title", "Mine")).status())
			.isEqualTo(200);
		var inTeam = as("member").post("/api/v1/objectives", objective("INDIVIDUAL", mobile, null, null));
		assertThat(inTeam.status()).as("an individual objective in my team, no owner named: " + inTeam.text())
			.isEqualTo(201);
		assertThat(inTeam.str("/ownerId")).isEqualTo(users.get("member"));
		assertThat(inTeam.str("/teamId")).isEqualTo(mobile);
		assertThat(as("member").post("/api/v1/objectives", objective("INDIVIDUAL", null, "outsider", null)).status())
			.as("someone else's").isEqualTo(403);
		assertThat(as("member").post("/api/v1/objectives", objective("TEAM", mobile, null, null)).status())
			.as("a team objective").isEqualTo(403);

		String teamObjective = as("lead").post("/api/v1/objectives", objective("TEAM", mobile, null, "member")).str("/id");
		String owned = admin.get("/api/v1/objectives/" + teamObjective).str("/keyResults/0/id");
		assertThat(as("member").post("/api/v1/key-results/" + owned + "/check-ins", Map.of("achieved", true, "confidence", 8))
			.status()).isEqualTo(201);
		String notOwned = as("lead").post("/api/v1/objectives", objective("TEAM", mobile, null, "lead")).str("/keyResults/0/id");
		assertThat(as("member").post("/api/v1/key-results/" + notOwned + "/check-ins", Map.of("achieved", true)).status())
			.isEqualTo(403);
		assertThat(as("lead").post("/api/v1/key-results/" + owned + "/check-ins", Map.of("achieved", false)).status())
			.as("a lead checks in for the team").isEqualTo(201);
	}

	@Test
	void viewersAndPeopleInNoTeamOnlyRead() {
		assertThat(as("viewer").post("/api/v1/objectives", objective("INDIVIDUAL", null, null, null)).status()).isEqualTo(403);
		String kr = as("lead").post("/api/v1/objectives", objective("TEAM", mobile, null, "viewer")).str("/keyResults/0/id");
		assertThat(as("viewer").post("/api/v1/key-results/" + kr + "/check-ins", Map.of("achieved", true)).status())
			.as("owning a key result does not make a viewer a contributor").isEqualTo(403);
		assertThat(as("viewer").get("/api/v1/key-results/" + kr).status()).isEqualTo(200);
		assertThat(as("viewer").get("/api/v1/objectives?cycleId=" + cycle).status()).isEqualTo(200);
	}

	@Test
	void membershipChangesFromAStaleViewOfTheTeamAreRefused() {
		String team = "/api/v1/teams/" + mobile;
		String seen = admin.get(team).etag();
		var changed = admin.put(team + "/members/" + users.get("viewer"), Map.of("role", "MEMBER"), seen);
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.etag()).as("a membership change moves the team's version on").isNotEqualTo(seen);

		var stale = admin.put(team + "/members/" + users.get("viewer"), Map.of("role", "LEAD"), seen);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.isProblem()).isTrue();
		var staleBody = admin.put(team + "/members/" + users.get("viewer"), Map.of("role", "LEAD", "version", 0));
		assertThat(staleBody.status()).isEqualTo(409);
		assertThat(admin.deleteIfMatch(team + "/members/" + users.get("viewer"), seen).status()).isEqualTo(412);
		assertThat(admin.get(team).text()).as("nothing changed").contains("\"role\":\"MEMBER\"").doesNotContain("LEAD");

		assertThat(admin.deleteIfMatch(team + "/members/" + users.get("viewer"), changed.etag()).status()).isEqualTo(204);
	}

	@Test
	void anAdminRoleInAnyTeamIsAnAdministrator() {
		assertThat(as("salesadmin").post("/api/v1/cycles", Map.of("name", "By role " + suffix, "startDate", "2030-01-01",
				"endDate", "2030-03-31")).status()).isEqualTo(201);
		assertThat(as("lead").post("/api/v1/cycles", Map.of("name", "By lead " + suffix, "startDate", "2030-01-01",
				"endDate", "2030-03-31")).status()).isEqualTo(403);
		assertThat(as("salesadmin").post("/api/v1/objectives", objective("TEAM", mobile, null, null)).status())
			.isEqualTo(201);
	}

	@Test
	void leadsManageTheirTeamsKpisAndOwnersFeedThem() {
		String key = "roles-" + suffix;
		Map<String, Object> kpi = Map.of("key", key, "name", "Crash-free sessions", "direction", "HIGHER_IS_BETTER",
				"target", 99.5, "warningThreshold", 99, "frequency", "DAILY", "aggregation", "AVG", "teamId", mobile,
				"ownerId", users.get("member"));
		assertThat(as("member").post("/api/v1/kpis", kpi).status()).isEqualTo(403);
		assertThat(as("lead").post("/api/v1/kpis", kpi).status()).isEqualTo(201);
		assertThat(as("outsider").patch("/api/v1/kpis/" + key, Map.of("target", 1)).status()).isEqualTo(403);
		assertThat(as("lead").patch("/api/v1/kpis/" + key, Map.of("target", 99.8)).status()).isEqualTo(200);

		String memberFeed = as("member").post("/api/v1/tokens", Map.of("name", "feed", "scopes", List.of("ingest")))
			.str("/token");
		var fed = ApiClient.anonymous(port).bearer(memberFeed)
			.postRaw("/api/v1/measurements", "kpi,at,value\n" + key + ",2026-01-01,99.7\n", "text/csv");
		assertThat(fed.status()).as("the KPI's owner feeds it").isEqualTo(200);
		String outsiderFeed = as("outsider").post("/api/v1/tokens", Map.of("name", "feed", "scopes", List.of("ingest")))
			.str("/token");
		var refused = ApiClient.anonymous(port).bearer(outsiderFeed)
			.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-01-02", "value", 1)));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/kpis/" + key + "/measurements?bucket=DAY&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z")
			.json().at("/items/1/value").isNull()).as("nothing stored from the refused request").isTrue();
		assertThat(as("outsider").delete("/api/v1/kpis/" + key).status()).isEqualTo(403);
		assertThat(as("lead").delete("/api/v1/kpis/" + key).status()).isEqualTo(204);
	}
}
