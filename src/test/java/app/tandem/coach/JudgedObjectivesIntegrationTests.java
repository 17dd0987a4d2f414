package app.tandem.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach keeps each objective's findings until what they were judged from moves: after every kind of write (to
 * the objective, its key results, their check-ins, the cycle's dates, a KPI a key result names, archiving), what it
 * answers equals what a node judging afresh answers, and says what the write changed.
 */
@TandemIntegrationTest
class JudgedObjectivesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JudgedObjectives judged;

	ApiClient admin;

	String cycle;

	@Test
	void everyWriteReachesTheFindingsKept() {
		admin = ApiClient.admin(port);
		// Letters only: a digit in a title is a finding of its own (OKR-009).
		String suffix = Long.toString(System.nanoTime(), 36).chars()
			.mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'q' + (c - '0') % 10 : c)))
			.collect(java.util.stream.Collectors.joining());
		LocalDate today = LocalDate.now();
		String team = admin.post("/api/v1/teams", Map.of("name", "Judged " + suffix)).str("/id");
		var newCycle = admin.post("/api/v1/cycles", Map.of("name", "Judged " + suffix, "startDate",
				today.minusDays(30).toString(), "endDate", today.plusDays(60).toString()));
		cycle = newCycle.str("/id");
		var created = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Delight patients " + suffix,
				"level", "TEAM", "teamId", team, "keyResults", List.of(Map.of("title", "Activation from forty to sixty",
						"type", "INCREASE", "startValue", 40, "targetValue", 60))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String objective = created.str("/id");
		String activation = created.str("/keyResults/0/id");
		assertThat(findings()).containsExactlyInAnyOrder("OKR-002 " + objective, "OKR-008 " + objective);

		var survey = admin.post("/api/v1/objectives/" + objective + "/key-results", Map.of("title", "Survey patients",
				"type", "MILESTONE", "dueDate", today.plusDays(90).toString()));
		assertThat(survey.status()).as(survey.text()).isEqualTo(201);
		String surveyId = survey.str("/id");
		assertThat(findings()).as("a key result added").containsExactlyInAnyOrder("OKR-005 " + surveyId,
				"OKR-008 " + objective);

		var sooner = admin.patch("/api/v1/key-results/" + surveyId, Map.of("dueDate", today.plusDays(10).toString(),
				"reason", "Survey sooner"));
		assertThat(sooner.status()).as(sooner.text()).isEqualTo(200);
		assertThat(findings()).as("a key result changed").containsExactly("OKR-008 " + objective);

		var shorter = admin.patch("/api/v1/cycles/" + cycle, Map.of("endDate", today.plusDays(5).toString()));
		assertThat(shorter.status()).as(shorter.text()).isEqualTo(200);
		// the key result without a due date of its own is due at the cycle's first end: now after it
		assertThat(findings()).as("the cycle's dates").containsExactlyInAnyOrder("OKR-005 " + surveyId,
				"OKR-005 " + activation, "OKR-008 " + objective);

		var renamed = admin.patch("/api/v1/objectives/" + objective, Map.of("title", "Delight 2x patients " + suffix));
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		assertThat(findings()).as("the objective changed").contains("OKR-009 " + objective);

		var kpi = admin.post("/api/v1/kpis", Map.of("key", "activation-" + suffix, "name", "Activation " + suffix,
				"direction", "HIGHER_IS_BETTER", "frequency", "DAILY", "aggregation", "AVG", "target", 50, "teamId", team,
				"definition", "Share of patients active", "reason", "Patients", "dataSource", "App"));
		assertThat(kpi.status()).as(kpi.text()).isEqualTo(201);
		var measured = admin.patch("/api/v1/key-results/" + activation, Map.of("kpiId", kpi.str("/id")));
		assertThat(measured.status()).as(measured.text()).isEqualTo(200);
		assertThat(findings()).as("measured by a KPI below its target").doesNotContain("OKR-007 " + activation);
		var value = admin.post("/api/v1/kpis/activation-" + suffix + "/measurements",
				List.of(Map.of("at", Instant.now().toString(), "value", 55)));
		assertThat(value.status()).as(value.text()).isEqualTo(200);
		assertThat(findings()).as("the KPI's value reached its target").contains("OKR-007 " + activation);
		var higher = admin.patch("/api/v1/kpis/activation-" + suffix, Map.of("target", 58));
		assertThat(higher.status()).as(higher.text()).isEqualTo(200);
		assertThat(findings()).as("the KPI's target moved beyond it").doesNotContain("OKR-007 " + activation);

		var checkIn = admin.post("/api/v1/key-results/" + surveyId + "/check-ins", Map.of("achieved", false,
				"confidence", 2, "note", "Slow start"));
		assertThat(checkIn.status()).as(checkIn.text()).isEqualTo(201);
		findings();

		assertThat(admin.delete("/api/v1/key-results/" + surveyId).status()).isEqualTo(204);
		assertThat(findings()).as("a key result deleted").contains("OKR-002 " + objective)
			.doesNotContain("OKR-005 " + surveyId);

		long version = admin.get("/api/v1/objectives/" + objective).json().get("version").asLong();
		var archived = admin.post("/api/v1/objectives/" + objective + "/archive", Map.of("version", version));
		assertThat(archived.status()).as(archived.text()).isEqualTo(200);
		assertThat(findings()).as("archived").noneMatch(f -> f.endsWith(objective) || f.endsWith(activation));
	}

	/** The cycle's findings as "ruleId subjectId", after checking that a node judging afresh answers the same. */
	private List<String> findings() {
		var kept = admin.get("/api/v1/coach?cycleId=" + cycle);
		assertThat(kept.status()).as(kept.text()).isEqualTo(200);
		judged.forget();
		var afresh = admin.get("/api/v1/coach?cycleId=" + cycle);
		assertThat(kept.json().get("findings")).as("kept as judged afresh").isEqualTo(afresh.json().get("findings"));
		List<String> found = new ArrayList<>();
		kept.json().get("findings").forEach(f -> found.add(f.get("ruleId").asString() + " "
				+ (f.get("subjectId").isNull() ? "" : f.get("subjectId").asString())));
		found.removeIf(f -> f.startsWith("OKR-010") || f.startsWith("KPI-"));
		return found;
	}
}
