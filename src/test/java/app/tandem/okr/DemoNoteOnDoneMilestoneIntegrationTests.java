package app.tandem.okr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.SecondInstance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 14, A1 as reported: in the demo, the marketing objective's done milestone showed "Achieved" unticked, and a
 * check-in with only a note set it to 0 % and dropped the objective from 76 % to 54 %. On the suite's database.
 */
class DemoNoteOnDoneMilestoneIntegrationTests {

	private static final String MARKETING = "Increase social media presence by 33%";

	@Test
	void aNoteOnTheMarketingObjectivesDoneMilestoneLeavesItDoneAndTheObjectiveWhereItWas() {
		boolean postgres = "postgres".equals(System.getProperty("spring.profiles.active"));
		try (SecondInstance demo = SecondInstance.start(postgres, "--tandem.demo=true")) {
			ApiClient api = ApiClient.admin(demo.port());
			JsonNode objective = withDoneMilestone(api);
			String id = objective.get("id").asString();
			String milestone = doneMilestone(objective).get("id").asString();
			double before = objective.get("progress").asDouble();
			String cycle = objective.get("cycleId").asString();
			double dashboardBefore = api.get("/api/v1/dashboard?cycleId=" + cycle).num("/progress");

			String page = PageSession.signedIn(demo.port(), "admin", "open-sesame-test-run").get("/okrs/objectives/" + id)
				.body();
			int card = page.indexOf("id=\"kr-" + milestone + "\"");
			int box = page.indexOf("name=\"achieved\"", card);
			assertThat(page.substring(page.lastIndexOf("<input", box), page.indexOf(">", box)))
				.as("the form shows the milestone achieved").contains("checked");

			var note = api.post("/api/v1/key-results/" + milestone + "/check-ins",
					Map.of("note", "Strategy presented to the board"));
			assertThat(note.status()).as(note.text()).isEqualTo(201);

			JsonNode after = api.get("/api/v1/objectives/" + id).json();
			assertThat(doneMilestone(after)).as("the milestone is still done").isNotNull();
			assertThat(after.get("progress").asDouble()).isCloseTo(before, within(1e-9));
			assertThat(api.get("/api/v1/dashboard?cycleId=" + cycle).num("/progress"))
				.as("the dashboard's stored progress").isCloseTo(dashboardBefore, within(1e-9));
		}
	}

	/** The marketing objective, which the demo gives a done milestone (else the first objective that has one). */
	private static JsonNode withDoneMilestone(ApiClient api) {
		List<JsonNode> candidates = new ArrayList<>();
		for (JsonNode objective : api.get("/api/v1/objectives?limit=1000").json().get("items")) {
			if (doneMilestone(objective) != null) {
				if (objective.get("title").asString().equals(MARKETING)) {
					candidates.add(0, objective);
				}
				else {
					candidates.add(objective);
				}
			}
		}
		assertThat(candidates).as("the demo has a done milestone").isNotEmpty();
		return candidates.get(0);
	}

	private static JsonNode doneMilestone(JsonNode objective) {
		for (JsonNode kr : objective.get("keyResults")) {
			if (kr.get("type").asString().equals("MILESTONE") && kr.get("achieved").asBoolean()) {
				return kr;
			}
		}
		return null;
	}
}
