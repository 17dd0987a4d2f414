package app.tandem.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The promise taken literally: every KPI of the library and every OKR template can be adopted through the
 * API, a formula KPI with its inputs, and an adopted template says nothing worse than a note to the coach.
 */
@TandemIntegrationTest
class AdoptEverythingIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void everyLibraryKpiIsAdoptedForATeamAndAFormulaBringsItsInputs() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "every-kpi-" + suffix, "name", "Every KPI " + suffix))
			.str("/id");
		List<String> refused = new ArrayList<>();
		int adopted = 0;
		for (JsonNode kpi : admin.get("/api/v1/library/kpis").json().get("items")) {
			String key = kpi.get("key").asString();
			var answer = admin.post("/api/v1/library/kpis/" + key + "/adopt",
					Map.of("teamId", team, "key", "every-" + suffix + "-" + key));
			if (answer.status() != 201) {
				refused.add(key + ": " + answer.status() + " " + answer.text());
				continue;
			}
			adopted++;
			assertThat(answer.str("/kpi/teamId")).isEqualTo(team);
			for (JsonNode input : kpi.get("inputs")) {
				assertThat(admin.get("/api/v1/kpis/" + input.asString()).status()).as(key + " needs " + input)
					.isEqualTo(200);
			}
		}
		assertThat(refused).isEmpty();
		assertThat(adopted).isGreaterThanOrEqualTo(30);
	}

	@Test
	void everyTemplateIsAdoptedAsADraftThatTheCoachFindsNothingWrongWith() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "every-okr-" + suffix, "name", "Every OKR " + suffix))
			.str("/id");
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Every template " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(85).toString())).str("/id");
		List<String> problems = new ArrayList<>();
		int adopted = 0;
		for (JsonNode template : admin.get("/api/v1/library/okrs").json().get("items")) {
			String key = template.get("key").asString();
			var answer = admin.post("/api/v1/library/okrs/" + key + "/adopt", Map.of("cycleId", cycle, "teamId", team));
			if (answer.status() != 201) {
				problems.add(key + ": " + answer.status() + " " + answer.text());
				continue;
			}
			adopted++;
			JsonNode draft = admin.get("/api/v1/objectives/" + answer.str("/id")).json();
			assertThat(draft.get("draft").asBoolean()).as(key).isTrue();
			assertThat(draft.get("keyResults").size()).as(key).isBetween(2, 5);
			for (JsonNode finding : draft.get("findings")) {
				if (!finding.get("severity").asString().equals("INFO")) {
					problems.add(key + ": " + finding);
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(adopted).isGreaterThanOrEqualTo(20);
	}
}
