package app.tandem.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Browsing the KPI library and adopting from it through the HTTP API. */
@TandemIntegrationTest
class LibraryKpiIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	@BeforeEach
	void team() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "lib-" + suffix, "name", "Library " + suffix)).str("/id");
	}

	@Test
	void theLibraryIsListedFilteredByFunctionAndPerspectiveAndSearched() {
		var all = admin.get("/api/v1/library/kpis");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("items").size()).isGreaterThanOrEqualTo(30);
		assertThat(all.json().get("next").isNull()).isTrue();

		List<JsonNode> marketing = items(admin.get("/api/v1/library/kpis?function=MARKETING"));
		assertThat(marketing).isNotEmpty().allMatch(k -> k.get("function").asString().equals("MARKETING"));
		JsonNode conversion = marketing.stream().filter(k -> k.get("key").asString().equals("conversion-rate"))
			.findFirst().orElseThrow();
		assertThat(conversion.get("formula").asString()).isEqualTo("{online-orders} / {website-visitors} * 100");
		assertThat(conversion.get("inputs").toString()).isEqualTo("[\"online-orders\",\"website-visitors\"]");
		assertThat(conversion.get("why").asString()).isNotBlank();
		assertThat(conversion.get("de").get("name").asString()).isEqualTo("Konversionsrate");

		assertThat(items(admin.get("/api/v1/library/kpis?perspective=LEARNING_AND_GROWTH&function=PEOPLE")))
			.isNotEmpty()
			.allMatch(k -> k.get("perspective").asString().equals("LEARNING_AND_GROWTH")
					&& k.get("function").asString().equals("PEOPLE"));
		assertThat(keys(admin.get("/api/v1/library/kpis?q=churn"))).contains("churn-rate");
		assertThat(keys(admin.get("/api/v1/library/kpis?q=abwanderung"))).contains("churn-rate");

		var page = admin.get("/api/v1/library/kpis/total-page-views");
		assertThat(page.json().get("vanity").asBoolean()).isTrue();
		assertThat(page.str("/betterAlternative")).isEqualTo("conversion-rate");
		var unknown = admin.get("/api/v1/library/kpis?function=ASTROLOGY");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.isProblem()).isTrue();
		assertThat(admin.get("/api/v1/library/kpis/no-such-kpi").status()).isEqualTo(404);
	}

	@Test
	void aPlainKpiIsAdoptedForATeamWithTheTargetGivenAndShowsAsAdopted() {
		assertThat(admin.get("/api/v1/kpis/mean-time-to-recovery").status()).as("nobody else adopts it").isEqualTo(404);
		assertThat(admin.get("/api/v1/library/kpis/mean-time-to-recovery").json().get("adopted").asBoolean()).isFalse();

		var adopted = admin.post("/api/v1/library/kpis/mean-time-to-recovery/adopt",
				Map.of("teamId", team, "target", 2, "warningThreshold", 6));
		assertThat(adopted.status()).as(adopted.text()).isEqualTo(201);
		assertThat(adopted.str("/kpi/key")).isEqualTo("mean-time-to-recovery");
		assertThat(adopted.str("/kpi/teamId")).isEqualTo(team);
		assertThat(adopted.num("/kpi/target")).isEqualTo(2);
		assertThat(adopted.num("/kpi/warningThreshold")).isEqualTo(6);
		assertThat(adopted.str("/kpi/direction")).isEqualTo("LOWER_IS_BETTER");
		assertThat(adopted.str("/kpi/definition")).startsWith("Average hours from the start of an incident");
		assertThat(adopted.json().get("inputsCreated").size()).isZero();

		assertThat(admin.get("/api/v1/kpis/mean-time-to-recovery").str("/id")).isEqualTo(adopted.str("/kpi/id"));
		assertThat(admin.get("/api/v1/library/kpis/mean-time-to-recovery").json().get("adopted").asBoolean()).isTrue();
	}

	@Test
	void thresholdsLeftOutTakeTheLibrarysExample() {
		var adopted = admin.post("/api/v1/library/kpis/budget-variance/adopt",
				Map.of("teamId", team, "key", "budget-" + suffix));
		assertThat(adopted.status()).as(adopted.text()).isEqualTo(201);
		assertThat(adopted.num("/kpi/lowerBound")).isEqualTo(-5);
		assertThat(adopted.num("/kpi/upperBound")).isEqualTo(5);
		assertThat(adopted.num("/kpi/warningMargin")).isEqualTo(3);
	}

	@Test
	void aFormulaKpiBringsTheInputsTheOrganisationLacksThroughOtherFormulasToo() {
		List<String> chain = List.of("average-revenue-per-customer", "customer-lifespan", "customer-lifetime-value",
				"marketing-spend", "new-customers", "customer-acquisition-cost");
		List<String> missing = chain.stream().filter(k -> admin.get("/api/v1/kpis/" + k).status() == 404).toList();
		String key = "ltv-cac-" + suffix;

		var adopted = admin.post("/api/v1/library/kpis/ltv-to-cac-ratio/adopt",
				Map.of("teamId", team, "key", key, "target", 4, "warningThreshold", 2.5));
		assertThat(adopted.status()).as(adopted.text()).isEqualTo(201);
		assertThat(adopted.str("/kpi/key")).isEqualTo(key);
		assertThat(adopted.str("/kpi/formula")).isEqualTo("{customer-lifetime-value} / {customer-acquisition-cost}");
		assertThat(adopted.json().get("kpi").get("inputs").toString())
			.isEqualTo("[\"customer-lifetime-value\",\"customer-acquisition-cost\"]");
		List<String> created = new ArrayList<>();
		adopted.json().get("inputsCreated").forEach(k -> {
			created.add(k.get("key").asString());
			assertThat(k.get("teamId").asString()).isEqualTo(team);
		});
		assertThat(created).containsExactlyInAnyOrderElementsOf(missing);
		if (missing.contains("customer-lifetime-value")) {
			assertThat(created.indexOf("customer-lifetime-value"))
				.isGreaterThan(created.indexOf("average-revenue-per-customer"));
		}
		chain.forEach(k -> assertThat(admin.get("/api/v1/kpis/" + k).status()).as(k).isEqualTo(200));
	}

	@Test
	void anInputTheOrganisationHasAlreadyIsReusedNotCreatedAgain() {
		if (admin.get("/api/v1/kpis/billable-hours").status() == 404) {
			assertThat(admin.post("/api/v1/library/kpis/billable-hours/adopt", Map.of("teamId", team)).status())
				.isEqualTo(201);
		}
		String billable = admin.get("/api/v1/kpis/billable-hours").str("/id");

		var adopted = admin.post("/api/v1/library/kpis/utilization/adopt", Map.of("teamId", team, "key",
				"utilization-" + suffix, "lowerBound", 65, "upperBound", 80, "warningMargin", 5));
		assertThat(adopted.status()).as(adopted.text()).isEqualTo(201);
		assertThat(adopted.json().get("inputsReused").toString()).contains("\"billable-hours\"");
		adopted.json().get("inputsCreated").forEach(k -> assertThat(k.get("key").asString()).isNotEqualTo("billable-hours"));
		assertThat(admin.get("/api/v1/kpis/billable-hours").str("/id")).isEqualTo(billable);
		assertThat(admin.get("/api/v1/kpis/available-hours").status()).isEqualTo(200);
		assertThat(adopted.num("/kpi/lowerBound")).isEqualTo(65);
	}

	@Test
	void aBadTargetIsRefusedWithItsFieldAndNothingIsCreatedNotEvenTheInputs() {
		String key = "win-" + suffix;
		List<String> missing = List.of("new-customers", "opportunities").stream()
			.filter(k -> admin.get("/api/v1/kpis/" + k).status() == 404).toList();

		var inconsistent = admin.post("/api/v1/library/kpis/win-rate/adopt",
				Map.of("teamId", team, "key", key, "target", 10, "warningThreshold", 50));
		assertThat(inconsistent.status()).as(inconsistent.text()).isEqualTo(400);
		assertThat(inconsistent.isProblem()).isTrue();
		assertThat(inconsistent.str("/errors/0/field")).isEqualTo("warningThreshold");

		var notANumber = admin.postRaw("/api/v1/library/kpis/win-rate/adopt",
				"{\"teamId\":\"" + team + "\",\"key\":\"" + key + "\",\"target\":\"lots\"}", "application/json");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.str("/errors/0/field")).isEqualTo("target");

		var noTeam = admin.post("/api/v1/library/kpis/win-rate/adopt", Map.of("key", key));
		assertThat(noTeam.status()).isEqualTo(400);
		assertThat(noTeam.str("/errors/0/field")).isEqualTo("teamId");

		assertThat(admin.get("/api/v1/kpis/" + key).status()).isEqualTo(404);
		missing.forEach(k -> assertThat(admin.get("/api/v1/kpis/" + k).status()).as(k).isEqualTo(404));
	}

	@Test
	void adoptingUnderAKeyTakenAlreadyIsAConflict() {
		String key = "nps-" + suffix;
		assertThat(admin.post("/api/v1/library/kpis/nps/adopt", Map.of("teamId", team, "key", key)).status())
			.isEqualTo(201);
		var again = admin.post("/api/v1/library/kpis/nps/adopt", Map.of("teamId", team, "key", key));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.str("/detail")).contains(key, "another key");
	}

	@Test
	void aMemberWithoutTheRightToAddKpisIsRefusedAndNothingIsCreated() {
		ApiClient member = person("MEMBER");
		String key = "churn-" + suffix;
		List<String> missing = List.of("customers-lost", "customers-start-of-period").stream()
			.filter(k -> admin.get("/api/v1/kpis/" + k).status() == 404).toList();
		var refused = member.post("/api/v1/library/kpis/churn-rate/adopt", Map.of("teamId", team, "key", key));
		assertThat(refused.status()).as(refused.text()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		assertThat(admin.get("/api/v1/kpis/" + key).status()).isEqualTo(404);
		missing.forEach(k -> assertThat(admin.get("/api/v1/kpis/" + k).status()).as(k).isEqualTo(404));

		var byLead = person("LEAD").post("/api/v1/library/kpis/cycle-time/adopt",
				Map.of("teamId", team, "key", "cycle-" + suffix));
		assertThat(byLead.status()).as(byLead.text()).isEqualTo(201);
	}

	private ApiClient person(String role) {
		String username = role.toLowerCase() + "-" + suffix;
		String password = "library password " + suffix;
		String id = admin.post("/api/v1/users", Map.of("username", username, "name", role + " " + suffix, "password",
				password)).str("/id");
		assertThat(admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role)).status()).isEqualTo(200);
		return ApiClient.basic(port, username, password);
	}

	private static List<JsonNode> items(ApiClient.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		response.json().get("items").forEach(items::add);
		return items;
	}

	private static List<String> keys(ApiClient.Response response) {
		return items(response).stream().map(k -> k.get("key").asString()).toList();
	}
}
