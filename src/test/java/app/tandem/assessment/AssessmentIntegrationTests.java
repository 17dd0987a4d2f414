package app.tandem.assessment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness assessment through the API and the page: the questionnaire, answers scored by hand, refused answers
 * that store nothing, the history, and who may answer (admins and team leads).
 */
@TandemIntegrationTest
class AssessmentIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	ApiClient admin;

	List<String> keys;

	String suffix;

	@BeforeEach
	void questionnaire() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		keys = new ArrayList<>();
		admin.get("/api/v1/assessment/questions").json().get("questions").forEach(q -> keys.add(q.get("key").asString()));
	}

	/** Every question answered 2, but executive support's two: 4 and 3. */
	private Map<String, Object> answers() {
		Map<String, Object> answers = new LinkedHashMap<>();
		keys.forEach(k -> answers.put(k, 2));
		answers.put("leaders-set-objectives", 4);
		answers.put("leaders-follow-progress", 3);
		return answers;
	}

	private ApiClient person(String role) {
		String team = admin.post("/api/v1/teams", Map.of("name", "Assessed " + role + " " + suffix)).str("/id");
		String name = role.toLowerCase() + "-" + suffix;
		String id = admin.post("/api/v1/users", Map.of("username", name, "name", name, "password", PASSWORD)).str("/id");
		if (!role.equals("NONE")) {
			assertThat(admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role)).status()).isEqualTo(200);
		}
		return ApiClient.basic(port, name, PASSWORD);
	}

	private static JsonNode practice(JsonNode latest, String key) {
		for (JsonNode p : latest.get("practices")) {
			if (p.get("key").asString().equals(key)) {
				return p;
			}
		}
		throw new AssertionError("no practice " + key);
	}

	@Test
	void theQuestionnaireHasADozenQuestionsOnAScaleFromZeroToFour() {
		JsonNode q = admin.get("/api/v1/assessment/questions").json();

		assertThat(q.get("questions").size()).isEqualTo(12);
		assertThat(q.get("scale")).extracting(o -> o.get("value").asInt()).containsExactly(0, 1, 2, 3, 4);
		assertThat(q.at("/scale/0/label").asString()).isEqualTo("Not at all");
		assertThat(q.get("practices").size()).isEqualTo(9);
		assertThat(q.at("/questions/0/practice").asString()).isEqualTo("executive-support");
	}

	@Test
	void answersAreScoredPerPracticeWithNextStepsAndKeptInTheHistory() {
		int before = admin.get("/api/v1/assessment").json().get("history").size();

		var answer = admin.post("/api/v1/assessment", Map.of("answers", answers()));

		assertThat(answer.status()).as(answer.text()).isEqualTo(201);
		JsonNode latest = answer.json().get("latest");
		// executive support (4 + 3) / 2 = 3.5 of 4 = 87.5, strong: keep doing; every other practice 2 of 4 = 50
		JsonNode executive = practice(latest, "executive-support");
		assertThat(executive.get("score").asDouble()).isEqualTo(87.5);
		assertThat(executive.get("band").asString()).isEqualTo("STRONG");
		assertThat(executive.get("nextSteps")).isEmpty();
		assertThat(executive.get("keepDoing").asString()).startsWith("Leaders own the company objectives");
		JsonNode checkIns = practice(latest, "check-ins");
		assertThat(checkIns.get("score").asDouble()).isEqualTo(50);
		assertThat(checkIns.get("band").asString()).isEqualTo("DEVELOPING");
		assertThat(checkIns.get("nextSteps").get(0).asString()).startsWith("Agree on a weekly check-in");
		// overall: (87.5 + 8 × 50) / 9 = 54.17 → 54.2
		assertThat(latest.get("overall").asDouble()).isEqualTo(54.2);
		assertThat(latest.get("answers").get("leaders-set-objectives").asInt()).isEqualTo(4);

		JsonNode report = admin.get("/api/v1/assessment").json();
		JsonNode history = report.get("history");
		assertThat(history.size()).isEqualTo(before + 1);
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("id").asString()).isEqualTo(latest.get("id").asString());
		assertThat(last.get("overall").asDouble()).isEqualTo(54.2);
		assertThat(last.get("practices").get("executive-support").asDouble()).isEqualTo(87.5);
		assertThat(report.at("/latest/id").asString()).isEqualTo(latest.get("id").asString());
	}

	@Test
	void incompleteOrOffTheScaleAnswersAreRefusedWithAProblemPerQuestionAndNothingStored() {
		int before = admin.get("/api/v1/assessment").json().get("history").size();
		Map<String, Object> answers = answers();
		answers.remove("fixed-cadence");
		answers.put("weekly-check-ins", 5);
		answers.put("okrs-visible", 2.5);
		answers.put("kpis-defined", "3");
		answers.put("no-such-question", 1);

		var refused = admin.post("/api/v1/assessment", Map.of("answers", answers));

		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		Map<String, String> errors = new HashMap<>();
		refused.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
		assertThat(errors).containsOnlyKeys("answers.fixed-cadence", "answers.weekly-check-ins", "answers.okrs-visible",
				"answers.kpis-defined", "answers.no-such-question");
		assertThat(errors.get("answers.fixed-cadence")).isEqualTo("needs an answer from 0 to 4");
		assertThat(errors.get("answers.okrs-visible")).isEqualTo("must be a whole number from 0 to 4");
		assertThat(admin.post("/api/v1/assessment", Map.of()).status()).isEqualTo(400);
		assertThat(admin.postRaw("/api/v1/assessment", "{\"answers\": [1, 2]}", "application/json").status())
			.isEqualTo(400);
		assertThat(admin.postRaw("/api/v1/assessment", "not json", "application/json").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/assessment").json().get("history").size()).isEqualTo(before);
	}

	@Test
	void teamLeadsAnswerWhileMembersAndOthersOnlyRead() {
		assertThat(person("LEAD").post("/api/v1/assessment", Map.of("answers", answers())).status()).isEqualTo(201);
		ApiClient member = person("MEMBER");
		var refused = member.post("/api/v1/assessment", Map.of("answers", answers()));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		assertThat(person("NONE").post("/api/v1/assessment", Map.of("answers", answers())).status()).isEqualTo(403);
		assertThat(member.get("/api/v1/assessment").status()).isEqualTo(200);
		assertThat(member.get("/api/v1/assessment/questions").status()).isEqualTo(200);
		assertThat(ApiClient.anonymous(port).get("/api/v1/assessment").status()).isEqualTo(401);
	}

	@Test
	void thePageShowsTheHealthScoreAndTheAssessmentAndKeepsAnIncompleteQuestionnaire() {
		PageSession page = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		HttpResponse<String> shown = page.get("/health");
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("Health score", "Readiness assessment", "name=\"answer.fixed-cadence\"",
				"<legend>");

		Map<String, String> form = new HashMap<>();
		answers().forEach((k, v) -> form.put("answer." + k, v.toString()));
		form.remove("answer.fixed-cadence");
		HttpResponse<String> refused = page.post("/health/assessment", form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"e-fixed-cadence\"", "aria-describedby=\"e-fixed-cadence\"",
				"Choose one of the answers from 0 to 4.");
		// what was given is kept: executive support's 4
		assertThat(refused.body()).containsPattern(
				"name=\"answer.leaders-set-objectives\" value=\"4\"[^>]*checked=\"checked\"");

		form.put("answer.fixed-cadence", "1");
		HttpResponse<String> saved = page.post("/health/assessment", form);
		assertThat(saved.statusCode()).isEqualTo(302);
		java.net.URI location = java.net.URI.create(saved.headers().firstValue("Location").orElseThrow());
		assertThat(location.getPath()).isEqualTo("/health");
		assertThat(location.getFragment()).isEqualTo("assessment");
		HttpResponse<String> after = page.get(location.getRawPath());
		assertThat(after.body()).contains("Your answers are saved", "Next steps", "data-chart=");
	}

	@Test
	void thePageOffersTheQuestionnaireOnlyToThoseWhoMayAnswerIt() {
		person("MEMBER");
		PageSession member = PageSession.signedIn(port, "member-" + suffix, PASSWORD);
		HttpResponse<String> shown = member.get("/health");
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).doesNotContain("name=\"answer.fixed-cadence\"")
			.contains("Admins and team leads answer the assessment");
		Map<String, String> form = new HashMap<>();
		answers().forEach((k, v) -> form.put("answer." + k, v.toString()));
		assertThat(member.post("/health/assessment", form).statusCode()).isEqualTo(403);
	}
}
