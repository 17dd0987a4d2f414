package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * Changing OKRs in the browser after they were written: the objective, a key result's target with the reason its
 * history keeps, a key result more, moving one, carrying an objective into the next cycle, and comments. Each form
 * refuses bad input beside the field, keeps what was typed and changes nothing; a stale form is refused.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectiveEditingIntegrationTests {

	private static final String PASSWORD = "editing-test-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	private String lena;

	private String cycle;

	private String nextCycle;

	private String objective;

	private String other;

	private String increase;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "edit-" + suffix, "name", "Edit team " + suffix)).str("/id");
		lena = person("lena", "LEAD");
		person("mia", "MEMBER");
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Edit " + suffix, "startDate",
				today.minusDays(30).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		nextCycle = admin.post("/api/v1/cycles", Map.of("name", "Next " + suffix, "startDate",
				today.plusDays(61).toString(), "endDate", today.plusDays(150).toString())).str("/id");
	}

	/** A fresh objective per test, so tests do not see each other's changes. */
	@BeforeEach
	void objectives() {
		var created = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Delight patients " + suffix,
				"level", "TEAM", "teamId", team, "keyResults",
				List.of(Map.of("title", "Raise activation from 40 to 55", "type", "INCREASE", "startValue", 40,
						"targetValue", 55, "ownerId", lena),
						Map.of("title", "Keep CSAT between 70 and 80", "type", "THRESHOLD", "minValue", 70, "maxValue",
								80))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		objective = created.str("/id");
		increase = created.str("/keyResults/0/id");
		other = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow referrals " + suffix, "level",
				"TEAM", "teamId", team, "keyResults", List.of(Map.of("title", "Launch referral page", "type",
						"MILESTONE")))).str("/id");
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

	private Map<String, String> keyResultForm(String target, String reason) {
		var kr = admin.get("/api/v1/key-results/" + increase).json();
		Map<String, String> form = new HashMap<>(Map.of("title", kr.get("title").asString(), "unit", "", "weight", "1",
				"startValue", "40", "targetValue", target, "dueDate", kr.get("dueDate").asString(), "reason", reason,
				"version", kr.get("version").asString()));
		return form;
	}

	@Test
	void onlyThoseWhoMayChangeAnObjectiveAreOfferedTheChange() {
		assertThat(as("lena").get("/okrs/objectives/" + objective).body())
			.contains("href=\"/okrs/objectives/" + objective + "/edit\"");
		PageSession mia = as("mia");
		assertThat(mia.get("/okrs/objectives/" + objective).body()).doesNotContain("/edit\"");
		assertThat(mia.get("/okrs/objectives/" + objective + "/edit").statusCode()).isEqualTo(403);
		var refused = mia.post("/okrs/objectives/" + objective + "/edit", Map.of("title", "Mine now", "level", "TEAM",
				"type", "COMMITTED", "visibility", "PUBLIC", "teamId", team));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("You may not make this change");
		assertThat(admin.get("/api/v1/objectives/" + objective).str("/title")).isEqualTo("Delight patients " + suffix);
	}

	@Test
	void theObjectiveIsRenamedAndAlignedFromItsForm() {
		PageSession lead = as("lena");
		var page = lead.get("/okrs/objectives/" + objective + "/edit");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"Delight patients " + suffix + "\"", "<label for=\"title\"",
				"Raise activation from 40 to 55", "value=\"55\"", "Keep CSAT between 70 and 80");
		var saved = lead.post("/okrs/objectives/" + objective + "/edit", Map.of("title", "Delight every patient " + suffix,
				"level", "TEAM", "type", "ASPIRATIONAL", "visibility", "PUBLIC", "teamId", team, "ownerId", "",
				"parentId", other, "description", "Because they tell friends", "version",
				admin.get("/api/v1/objectives/" + objective).str("/version")));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		var now = admin.get("/api/v1/objectives/" + objective);
		assertThat(now.str("/title")).isEqualTo("Delight every patient " + suffix);
		assertThat(now.str("/type")).isEqualTo("ASPIRATIONAL");
		assertThat(now.str("/parentId")).isEqualTo(other);
		assertThat(now.str("/description")).isEqualTo("Because they tell friends");
	}

	@Test
	void aStaleFormIsRefusedAndKeepsWhatWasTyped() {
		PageSession lead = as("lena");
		lead.get("/okrs/objectives/" + objective + "/edit");
		String seen = admin.get("/api/v1/objectives/" + objective).str("/version");
		admin.patch("/api/v1/objectives/" + objective, Map.of("description", "changed by someone else"));
		var refused = lead.post("/okrs/objectives/" + objective + "/edit", Map.of("title", "My late title " + suffix,
				"level", "TEAM", "type", "COMMITTED", "visibility", "PUBLIC", "teamId", team, "version", seen));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Someone changed this meanwhile", "value=\"My late title " + suffix + "\"");
		assertThat(admin.get("/api/v1/objectives/" + objective).str("/title")).isEqualTo("Delight patients " + suffix);
	}

	@Test
	void aNewTargetOnceTheCycleRunsNeedsAReasonWhichTheHistoryKeeps() {
		PageSession lead = as("lena");
		lead.get("/okrs/objectives/" + objective + "/edit");
		var noReason = lead.post("/okrs/key-results/" + increase + "/edit", keyResultForm("60", ""));
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("id=\"kr-" + increase + "-reason-error\"", "is required to change the target")
			.containsPattern("id=\"kr-" + increase + "-targetValue\"\\s+value=\"60\"");
		assertThat(admin.get("/api/v1/key-results/" + increase).num("/targetValue")).isEqualTo(55);

		var notANumber = lead.post("/okrs/key-results/" + increase + "/edit", keyResultForm("sixty", "why not"));
		assertThat(notANumber.statusCode()).isEqualTo(422);
		assertThat(notANumber.body()).contains("id=\"kr-" + increase + "-targetValue-error\"", "Enter a number",
				"value=\"sixty\"", "value=\"why not\"");

		var saved = lead.post("/okrs/key-results/" + increase + "/edit",
				keyResultForm("60", "The campaign doubled the sign-ups"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(admin.get("/api/v1/key-results/" + increase).num("/targetValue")).isEqualTo(60);
		assertThat(lead.get("/okrs/objectives/" + objective).body()).contains("Changes to its definition (1)",
				"<td>Target</td>", "<td>55.0</td>", "<td>60.0</td>", "The campaign doubled the sign-ups");
	}

	@Test
	void aKeyResultIsAddedAndABadOneRefusedBesideItsField() {
		PageSession lead = as("lena");
		lead.get("/okrs/objectives/" + objective + "/edit");
		var refused = lead.post("/okrs/objectives/" + objective + "/key-results", Map.of("title", "Keep NPS in range",
				"type", "THRESHOLD", "minValue", "30", "maxValue", ""));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"new-maxValue-error\"", "value=\"Keep NPS in range\"");
		assertThat(admin.get("/api/v1/objectives/" + objective).json().get("keyResults").size()).isEqualTo(2);

		var added = lead.post("/okrs/objectives/" + objective + "/key-results", Map.of("title", "Keep NPS in range",
				"type", "THRESHOLD", "minValue", "30", "maxValue", "50"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(admin.get("/api/v1/objectives/" + objective).json().get("keyResults").size()).isEqualTo(3);
	}

	@Test
	void aKeyResultMovesToAnotherObjectiveAndRemembersWhereItCameFrom() {
		PageSession lead = as("lena");
		lead.get("/okrs/objectives/" + objective + "/edit");
		var unchosen = lead.post("/okrs/key-results/" + increase + "/move", Map.of("objectiveId", ""));
		assertThat(unchosen.statusCode()).isEqualTo(422);
		assertThat(unchosen.body()).contains("id=\"kr-" + increase + "-move-error\"", "Choose the objective it moves to.");

		var moved = lead.post("/okrs/key-results/" + increase + "/move", Map.of("objectiveId", other));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(admin.get("/api/v1/key-results/" + increase).str("/objectiveId")).isEqualTo(other);
		assertThat(lead.get("/okrs/objectives/" + other).body()).contains("Raise activation from 40 to 55",
				"<td>Objective</td>", ">Delight patients " + suffix + "</a>", ">Grow referrals " + suffix + "</a>");
	}

	@Test
	void anObjectiveIsCarriedIntoTheNextCycleFromWhereItIs() {
		admin.post("/api/v1/key-results/" + increase + "/check-ins", Map.of("value", 47, "confidence", 6));
		PageSession lead = as("lena");
		lead.get("/okrs/objectives/" + objective + "/edit");
		var carried = lead.post("/okrs/objectives/" + objective + "/carry-over", Map.of("cycleId", nextCycle));
		assertThat(carried.statusCode()).isEqualTo(302);
		String copy = carried.headers().firstValue("Location").orElseThrow().replaceAll(".*/okrs/objectives/", "");
		var copied = admin.get("/api/v1/objectives/" + copy);
		assertThat(copied.str("/cycleId")).isEqualTo(nextCycle);
		assertThat(copied.num("/keyResults/0/startValue")).isEqualTo(47);
		assertThat(lead.get("/okrs/objectives/" + copy).body()).contains("Carried over from an earlier cycle",
				"href=\"/okrs/objectives/" + objective + "\"");

		var unchosen = lead.post("/okrs/objectives/" + objective + "/carry-over", Map.of("cycleId", ""));
		assertThat(unchosen.statusCode()).isEqualTo(422);
		assertThat(unchosen.body()).contains("id=\"carry-error\"", "Choose the cycle it goes on in.");
	}

	@Test
	void peopleTalkUnderAnObjective() {
		PageSession mia = as("mia");
		assertThat(mia.get("/okrs/objectives/" + objective).body())
			.contains("hx-get=\"/comments/objectives/" + objective + "\"");
		var thread = mia.get("/comments/objectives/" + objective);
		assertThat(thread.statusCode()).isEqualTo(200);
		assertThat(thread.body()).contains("Comments (0)", "<label for=\"comment-body\"");

		var empty = mia.htmxPost("/comments/objectives/" + objective, Map.of("body", "  "));
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("id=\"comment-error\"", "Write something first.");

		var added = mia.htmxPost("/comments/objectives/" + objective,
				Map.of("body", "Can we get the survey earlier, @lena-" + suffix + "?"));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("Comments (1)", "Comment added.", "mia " + suffix,
				"Can we get the survey earlier, <a class=\"mention\" href=\"/okrs?ownerId=", "\">@lena-" + suffix + "</a>?");
		assertThat(as("lena").get("/comments/objectives/" + objective).body()).contains("Can we get the survey earlier");
		var api = admin.get("/api/v1/objectives/" + objective + "/comments").json().get("items").get(0);
		assertThat(api.get("mentions").get(0).asString()).isEqualTo("lena-" + suffix);
	}
}
