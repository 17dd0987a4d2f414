package app.tandem.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.tandem.ApiClient;
import app.tandem.MutableClock;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard reads progress and score stored on each objective; objective reads compute them
 * from the key results. After seeded random edits (check-ins, new key results, moves, deletions,
 * re-alignment, objectives without key results) both must agree.
 */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class DashboardConsistencyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void dashboardAgreesWithObjectiveReadsAfterRandomEdits(long seed) {
		Random random = new Random(seed);
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Consistency-" + seed + "-" + System.nanoTime(),
				"startDate", "2026-10-01", "endDate", "2026-12-31")).str("/id");
		List<String> objectives = new ArrayList<>();
		List<String> keyResults = new ArrayList<>();
		for (int step = 0; step < 60; step++) {
			clock.set("2026-10-" + String.format("%02d", 2 + step / 3) + "T08:00:00Z");
			int action = objectives.size() < 3 ? 0 : random.nextInt(8);
			switch (action) {
				case 0 -> {
					Map<String, Object> body = new java.util.HashMap<>(Map.of("cycleId", cycle, "title", "O" + step,
							"level", "TEAM", "type", random.nextBoolean() ? "COMMITTED" : "ASPIRATIONAL"));
					if (!objectives.isEmpty() && random.nextBoolean()) {
						body.put("parentId", objectives.get(random.nextInt(objectives.size())));
					}
					if (random.nextInt(4) > 0) {
						body.put("keyResults", List.of(keyResult(random), keyResult(random)));
					}
					var created = api.post("/api/v1/objectives", body);
					assertThat(created.status()).as(created.text()).isEqualTo(201);
					objectives.add(created.str("/id"));
					created.json().get("keyResults").forEach(kr -> keyResults.add(kr.get("id").asString()));
				}
				case 1, 2, 3 -> {
					if (!keyResults.isEmpty()) {
						String kr = keyResults.get(random.nextInt(keyResults.size()));
						String type = api.get("/api/v1/key-results/" + kr).str("/type");
						Object body = type.equals("MILESTONE") ? Map.of("achieved", random.nextBoolean())
								: Map.of("value", random.nextInt(120));
						api.post("/api/v1/key-results/" + kr + "/check-ins", body);
					}
				}
				case 4 -> {
					var added = api.post("/api/v1/objectives/" + objectives.get(random.nextInt(objectives.size()))
							+ "/key-results", keyResult(random));
					keyResults.add(added.str("/id"));
				}
				case 5 -> {
					if (!keyResults.isEmpty()) {
						api.post("/api/v1/key-results/" + keyResults.get(random.nextInt(keyResults.size())) + "/move",
								Map.of("objectiveId", objectives.get(random.nextInt(objectives.size()))));
					}
				}
				case 6 -> {
					if (!keyResults.isEmpty()) {
						String kr = keyResults.get(random.nextInt(keyResults.size()));
						if (api.delete("/api/v1/key-results/" + kr).status() == 204) {
							keyResults.remove(kr);
						}
					}
				}
				default -> {
					String child = objectives.get(random.nextInt(objectives.size()));
					String parent = objectives.get(random.nextInt(objectives.size()));
					api.patch("/api/v1/objectives/" + child, Map.of("parentId", random.nextInt(3) == 0 ? "" : parent));
				}
			}
		}
		clock.set("2026-11-20T08:00:00Z");
		List<JsonNode> all = new ArrayList<>();
		api.get("/api/v1/objectives?limit=1000&cycleId=" + cycle).json().get("items").forEach(all::add);
		var dashboard = api.get("/api/v1/dashboard?cycleId=" + cycle).json();

		assertThat(dashboard.get("objectives").asInt()).isEqualTo(all.size());
		int keyResultCount = all.stream().mapToInt(o -> o.get("keyResults").size()).sum();
		assertThat(dashboard.get("keyResults").asInt()).isEqualTo(keyResultCount);
		double meanProgress = all.stream().mapToDouble(o -> o.get("progress").asDouble()).average().orElse(0);
		assertThat(dashboard.get("progress").asDouble()).isCloseTo(meanProgress, within(1e-9));
		Map<String, Integer> counts = new java.util.HashMap<>();
		all.forEach(o -> counts.merge(o.get("status").asString(), 1, Integer::sum));
		for (String status : List.of("DONE", "ON_TRACK", "AT_RISK", "OFF_TRACK")) {
			assertThat(dashboard.at("/objectiveStatus/" + status).asInt()).as(status)
				.isEqualTo(counts.getOrDefault(status, 0));
		}
		List<String> expectedRisks = all.stream()
			.filter(o -> o.get("expectedProgress").asDouble() - o.get("progress").asDouble() > 0)
			.sorted(Comparator.comparingDouble((JsonNode o) -> o.get("expectedProgress").asDouble()
					- o.get("progress").asDouble()).reversed().thenComparing(o -> o.get("id").asString()))
			.limit(10)
			.map(o -> o.get("id").asString())
			.toList();
		List<String> risks = new ArrayList<>();
		dashboard.get("topRisks").forEach(r -> risks.add(r.get("id").asString()));
		assertThat(risks).isEqualTo(expectedRisks);
	}

	private static Map<String, Object> keyResult(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> Map.of("title", "Grow", "type", "INCREASE", "startValue", 0, "targetValue", 100,
					"weight", 1 + random.nextInt(3));
			case 1 -> Map.of("title", "Shrink", "type", "DECREASE", "startValue", 100, "targetValue", 10);
			case 2 -> Map.of("title", "Hold", "type", "THRESHOLD", "minValue", 40, "maxValue", 80);
			default -> Map.of("title", "Ship", "type", "MILESTONE");
		};
	}
}
