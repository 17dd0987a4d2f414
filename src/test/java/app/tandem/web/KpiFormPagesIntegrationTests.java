package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * KPIs defined, changed and deleted through the pages: every field the API has, the service's refusals beside their
 * fields with nothing stored, a stale form refused (409), the formula checked as one types, and who may do what.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiFormPagesIntegrationTests {

	private static final String PASSWORD = "kpi-form-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	private String ownerId;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "kf-" + suffix, "name", "Form team " + suffix)).str("/id");
		person("lea", "LEAD");
		ownerId = person("oli", "MEMBER");
	}

	private String person(String name, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		return id;
	}

	private PageSession as(String name) {
		return PageSession.signedIn(port, name + "-" + suffix, PASSWORD);
	}

	private Map<String, String> form(String key) {
		return new java.util.HashMap<>(Map.ofEntries(Map.entry("key", key), Map.entry("name", "Signups " + suffix),
				Map.entry("definition", "New accounts per week"), Map.entry("reason", "Growth starts here"),
				Map.entry("dataSource", "Billing"), Map.entry("unit", "accounts"),
				Map.entry("direction", "HIGHER_IS_BETTER"), Map.entry("target", "100"),
				Map.entry("warningThreshold", "80"), Map.entry("frequency", "WEEKLY"), Map.entry("aggregation", "SUM"),
				Map.entry("reviewEveryDays", "30"), Map.entry("teamId", team), Map.entry("ownerId", ownerId),
				Map.entry("indicator", "LEADING"), Map.entry("perspective", "CUSTOMER"), Map.entry("formula", "")));
	}

	@Test
	void aLeadDefinesAKpiWithEveryFieldAndARefusalStoresNothing() {
		PageSession lea = as("lea");
		assertThat(lea.get("/kpis").body()).contains("href=\"/kpis/new\"");
		String page = lea.get("/kpis/new").body();
		assertThat(page).contains("<label for=\"warningThreshold\">Warning threshold</label>",
				"<label for=\"reviewEveryDays\">Review every (days)</label>",
				"data-choices=\"/people/choices?blank=kpis.form.noOwner\"");
		// among the suite's many people the owner is found by the search beside the choice
		assertThat(lea.get("/people/choices?q=oli+" + suffix).body()).contains(">oli " + suffix + "</option>");
		String key = "signups-" + suffix;

		Map<String, String> bad = form(key);
		bad.put("warningThreshold", "120");
		var refused = lea.post("/kpis/new", bad);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("(?s)id=\"warningThreshold\".{0,400}field-error.{0,200}Must not be above the target")
			.contains("value=\"120\"", "Growth starts here");
		assertThat(admin.get("/api/v1/kpis/" + key).status()).isEqualTo(404);

		var created = lea.post("/kpis/new", form(key));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/kpis/" + key);
		var kpi = admin.get("/api/v1/kpis/" + key).json();
		assertThat(kpi.get("name").asString()).isEqualTo("Signups " + suffix);
		assertThat(kpi.get("warningThreshold").asDouble()).isEqualTo(80);
		assertThat(kpi.get("aggregation").asString()).isEqualTo("SUM");
		assertThat(kpi.get("reviewEveryDays").asInt()).isEqualTo(30);
		assertThat(kpi.get("ownerId").asString()).isEqualTo(ownerId);
		assertThat(kpi.get("perspective").asString()).isEqualTo("CUSTOMER");
		assertThat(lea.get("/kpis/" + key).body()).contains("Signups " + suffix + " is defined.");
		assertThat(lea.post("/kpis/new", form(key)).statusCode()).as("the key is taken").isEqualTo(409);
	}

	@Test
	void theOwnerChangesTheTargetAndTheStatusFollowsAndAStaleFormIsRefused() {
		String key = "owned-" + suffix;
		PageSession lea = as("lea");
		lea.get("/kpis/new");
		assertThat(lea.post("/kpis/new", form(key)).statusCode()).isEqualTo(302);
		admin.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", Instant.now().toString(), "value", 90)));
		assertThat(admin.get("/api/v1/kpis/" + key).str("/status")).isEqualTo("AMBER");

		PageSession oli = as("oli");
		String edit = oli.get("/kpis/" + key + "/edit").body();
		assertThat(edit).contains("value=\"100\"", "value=\"80\"", "name=\"version\" value=\"0\"");
		Map<String, String> lower = form(key);
		lower.put("target", "90");
		lower.put("warningThreshold", "70");
		lower.put("version", "0");
		var saved = oli.post("/kpis/" + key + "/edit", lower);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(admin.get("/api/v1/kpis/" + key).str("/status")).as("90 meets the new target").isEqualTo("GREEN");

		lower.put("target", "95");
		var stale = oli.post("/kpis/" + key + "/edit", lower);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone changed this KPI meanwhile", "value=\"95\"");
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("target").asDouble()).isEqualTo(90);

		Map<String, String> moved = form(key);
		moved.put("teamId", "");
		moved.put("version", "1");
		assertThat(oli.post("/kpis/" + key + "/edit", moved).statusCode()).as("an owner may not give it away")
			.isEqualTo(403);
		assertThat(oli.get("/kpis/new").statusCode()).as("nor define KPIs").isEqualTo(403);
	}

	@Test
	void theFormulaIsCheckedAsOneTypesAndAKpiAFormulaUsesIsNotDeleted() {
		PageSession lea = as("lea");
		lea.get("/kpis/new");
		String input = "input-" + suffix;
		assertThat(lea.post("/kpis/new", form(input)).statusCode()).isEqualTo(302);
		var unknown = lea.htmxPost("/kpis/formula-check", Map.of("key", "ratio-" + suffix, "formula",
				"{" + input + "} / {nothing-" + suffix + "}"));
		assertThat(unknown.body()).contains("id=\"formula-check\"", "refers to {nothing-" + suffix + "}, which is no KPI");
		assertThat(lea.htmxPost("/kpis/formula-check", Map.of("key", "ratio-" + suffix, "formula", "{" + input + "} * 2"))
			.body()).contains("Reads well");

		Map<String, String> ratio = form("ratio-" + suffix);
		ratio.put("formula", "{" + input + "} * 2");
		assertThat(lea.post("/kpis/new", ratio).statusCode()).isEqualTo(302);
		Map<String, String> deletion = Map.of();
		var refused = lea.post("/kpis/" + input + "/delete", deletion);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("The formulas of ratio-" + suffix + " use this KPI.");
		var deleted = lea.post("/kpis/ratio-" + suffix + "/delete", deletion);
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(admin.get("/api/v1/kpis/ratio-" + suffix).status()).isEqualTo(404);
	}
}
