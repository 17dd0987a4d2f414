package app.tandem.okr;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, A4: one check-in of 1e200 made every later backup unrestorable (the line's running sums overflowed to
 * infinity, which a backup cannot carry). Such a typo is refused, and an instance holding the largest numbers that
 * are accepted (±1e15, weights of 100) exports finite numbers, restores into a fresh instance and exports the same
 * document again, but for the derived columns that a restore computes anew. On the suite's database.
 */
class LargestValuesBackupIntegrationTests {

	/** Stored progress and forecast lines: computed again after a restore, to rounding. */
	private static final List<String> DERIVED = List.of("rollup_", "fit_");

	@Test
	void anInstanceWithTheLargestAcceptedValuesRoundTripsThroughABackup() {
		boolean postgres = "postgres".equals(System.getProperty("spring.profiles.active"));
		try (SecondInstance source = SecondInstance.start(postgres);
				SecondInstance target = SecondInstance.start(postgres)) {
			ApiClient api = ApiClient.admin(source.port());
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			String cycle = api.post("/api/v1/cycles", Map.of("name", "Extremes", "startDate",
					today.minusDays(3650).toString(), "endDate", today.plusDays(30).toString())).str("/id");
			var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Extremes", "level",
					"COMPANY", "keyResults", List.of(
							Map.of("title", "Up", "type", "INCREASE", "startValue", -1e15, "targetValue", 1e15,
									"weight", 100),
							Map.of("title", "Down", "type", "DECREASE", "startValue", 1e15, "targetValue", -1e15,
									"weight", 100),
							Map.of("title", "Hold", "type", "THRESHOLD", "minValue", -1e15, "maxValue", 1e15,
									"weight", 0.001))));
			assertThat(objective.status()).as(objective.text()).isEqualTo(201);
			List<String> keyResults = new ArrayList<>();
			objective.json().get("keyResults").forEach(kr -> keyResults.add(kr.get("id").asString()));

			var typo = api.postRaw("/api/v1/key-results/" + keyResults.get(0) + "/check-ins", "{\"value\": 1e200}",
					"application/json");
			assertThat(typo.status()).as(typo.text()).isEqualTo(400);

			// back-dated over ten years and a few at one instant: the line's x runs from -3650 days to now
			List<String> instants = new ArrayList<>();
			for (int days = 3649; days > 0; days -= 365) {
				instants.add(today.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
			}
			instants.add(instants.get(instants.size() - 1));
			for (String kr : keyResults) {
				double sign = 1;
				for (String at : instants) {
					var checkIn = api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", sign * 1e15,
							"confidence", 10, "at", at));
					assertThat(checkIn.status()).as(checkIn.text()).isEqualTo(201);
					sign = -sign;
				}
				api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 1e15 - 1));
			}

			String exported = api.get("/api/v1/export").text();
			assertThat(exported).doesNotContain("Infinity", "NaN");
			assertThat(nonFinite(ApiClient.JSON.readTree(exported))).isEmpty();

			// Basic: the restore replaces the target's tokens, and a token made again after it would be one row more
			ApiClient restored = ApiClient.adminBasic(target.port());
			var imported = restored.postRaw("/api/v1/import", exported, "application/json");
			assertThat(imported.status()).as(imported.text()).isEqualTo(200);
			String again = restored.get("/api/v1/export").text();
			assertThat(withoutDerived(again)).isEqualTo(withoutDerived(exported));
			assertThat(nonFinite(ApiClient.JSON.readTree(again))).isEmpty();
			var later = restored.post("/api/v1/key-results/" + keyResults.get(0) + "/check-ins", Map.of("value", -1e15));
			assertThat(later.status()).as(later.text()).isEqualTo(201);
			assertThat(restored.get("/api/v1/key-results/" + keyResults.get(0)).json().get("forecast").toString())
				.doesNotContain("Infinity", "NaN");
		}
	}

	private static JsonNode withoutDerived(String backup) {
		JsonNode tree = ApiClient.JSON.readTree(backup);
		for (JsonNode table : tree.get("tables")) {
			for (JsonNode row : table) {
				List<String> derived = new ArrayList<>();
				row.propertyNames().forEach(name -> {
					if (DERIVED.stream().anyMatch(name::startsWith)) {
						derived.add(name);
					}
				});
				((ObjectNode) row).remove(derived);
			}
		}
		return tree;
	}

	/** The paths of numbers that are not finite. */
	private static List<String> nonFinite(JsonNode tree) {
		List<String> found = new ArrayList<>();
		for (var table : tree.get("tables").properties()) {
			int index = 0;
			for (JsonNode row : table.getValue()) {
				for (var column : row.properties()) {
					JsonNode value = column.getValue();
					if (value.isNumber() && !Double.isFinite(value.asDouble())) {
						found.add(table.getKey() + "[" + index + "]." + column.getKey());
					}
				}
				index++;
			}
		}
		return found;
	}
}
