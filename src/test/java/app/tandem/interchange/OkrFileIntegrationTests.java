package app.tandem.interchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** OKRs as code: the example organisation in, a cycle out, and back into an empty instance. */
@TandemIntegrationTest
class OkrFileIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void exampleFileImportsAndItsCycleRoundTripsThroughAnEmptyInstance() throws IOException {
		try (SecondInstance source = SecondInstance.start(false); SecondInstance target = SecondInstance.start(false)) {
			ApiClient api = ApiClient.admin(source.port());
			var imported = api.postRaw("/api/v1/okrs.yaml", example(), "application/yaml");
			assertThat(imported.status()).as(imported.text()).isEqualTo(201);
			assertThat(imported.json().get("teams").asInt()).isEqualTo(7);
			assertThat(imported.json().get("kpis").asInt()).isEqualTo(11);
			assertThat(imported.json().get("objectives").asInt()).isEqualTo(6);
			assertThat(imported.json().get("keyResults").asInt()).isEqualTo(22);

			String q4 = cycleId(api, "2026-Q4");
			var linked = api.get("/api/v1/objectives?cycleId=" + q4 + "&level=TEAM").text();
			assertThat(linked).contains("Reduce support response time to under 2 hours");
			String exported = api.get("/api/v1/cycles/" + q4 + "/okrs.yaml").text();
			assertThat(exported).contains("kpi: support-response-hours", "organisation: Acme Health",
					"parent: health-app-no1", "due: 2026-12-23");

			ApiClient empty = ApiClient.admin(target.port());
			var reimported = empty.postRaw("/api/v1/okrs.yaml", exported, "application/yaml");
			assertThat(reimported.status()).as(reimported.text()).isEqualTo(201);
			String again = empty.get("/api/v1/cycles/" + cycleId(empty, "2026-Q4") + "/okrs.yaml").text();
			assertThat(again).isEqualTo(exported);
		}
	}

	@Test
	void invalidFileListsEachProblemWithItsPathAndImportsNothing() {
		String broken = """
				organisation: Broken
				teams:
				  - {key: ops, name: Ops}
				  - {key: dev, name: Dev, parent: nowhere}
				cycles:
				  - {name: Q9, start: 2026-03-01, end: 2026-01-01}
				objectives:
				  - key: first
				    cycle: Q9
				    level: SQUAD
				    team: ops
				    title: Do things
				    colour: blue
				    keyResults:
				      - {title: Same, type: INCREASE, start: 5, target: 5}
				      - {title: Range, type: THRESHOLD, min: 10}
				""";
		ApiClient api = ApiClient.admin(port);
		int teamsBefore = api.get("/api/v1/teams?limit=1000").json().get("items").size();
		var refused = api.postRaw("/api/v1/okrs.yaml", broken, "application/yaml");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(fields(refused.json())).contains("teams[1].parent", "cycles[0].end", "objectives[0].level",
				"objectives[0].colour", "objectives[0].keyResults[0].target", "objectives[0].keyResults[1].max");
		assertThat(api.get("/api/v1/teams?limit=1000").json().get("items")).hasSize(teamsBefore);
	}

	@Test
	void malformedYamlIsRefusedWithItsLine() {
		var refused = ApiClient.admin(port).postRaw("/api/v1/okrs.yaml", "teams:\n  - {key: a, name: [unclosed\n",
				"application/yaml");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).startsWith("line ");
	}

	private static String cycleId(ApiClient api, String name) {
		for (JsonNode cycle : api.get("/api/v1/cycles").json().get("items")) {
			if (cycle.get("name").asString().equals(name)) {
				return cycle.get("id").asString();
			}
		}
		throw new AssertionError("no cycle " + name);
	}

	private static java.util.List<String> fields(JsonNode problem) {
		java.util.List<String> fields = new java.util.ArrayList<>();
		problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	private static String example() throws IOException {
		return new ClassPathResource("demo/acme-health.yaml").getContentAsString(StandardCharsets.UTF_8);
	}
}
