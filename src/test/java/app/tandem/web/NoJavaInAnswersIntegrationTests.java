package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;

/**
 * Bad requests are answered in the words of the input (parameter, line, field, what is wrong), never with Java's:
 * no class names, array identities ({@code [Ljava.lang.String;@6ee30d4a}), Jackson's settings or versions, and
 * never 500. A few dozen of the kinds the malformed-request corpus found.
 */
@TandemIntegrationTest
class NoJavaInAnswersIntegrationTests {

	private static final Pattern JAVA = Pattern.compile(
			"java\\.|tools\\.jackson|org\\.springframework|Exception|\\[L[a-z]|StreamReadConstraints|Feature|Version\\{|\\$[A-Z]");

	private static final String DEEP_ARRAY = "[".repeat(1200) + "]".repeat(1200);

	@LocalServerPort
	int port;

	@Test
	void noAnswerToABadRequestSpeaksJava() {
		ApiClient api = ApiClient.admin(port);
		RawRequests raw = RawRequests.admin(port);
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Words " + System.nanoTime(), "startDate", "2026-01-01",
				"endDate", "2026-12-31")).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Speak plainly", "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Sleep", "type", "INCREASE", "startValue", 5,
						"targetValue", 8))));
		String keyResult = objective.str("/keyResults/0/id");
		String kpi = api.post("/api/v1/kpis", Map.of("key", "words-" + System.nanoTime(), "name", "Words", "unit", "%",
				"direction", "HIGHER_IS_BETTER", "frequency", "WEEKLY", "perspective", "CUSTOMER", "target", 90))
			.str("/key");
		String checkIns = "/api/v1/key-results/" + keyResult + "/check-ins";

		List<ApiClient.Response> answers = new ArrayList<>();
		// repeated and mistyped query parameters
		answers.add(api.get("/api/v1/objectives?level=1&level=2"));
		answers.add(api.get("/api/v1/objectives?level=GALAXY"));
		answers.add(api.get("/api/v1/objectives?limit=x&limit=y"));
		answers.add(api.get("/api/v1/objectives?asOf=yesterday&asOf=today"));
		answers.add(api.get("/api/v1/objectives?limit=99999999999"));
		answers.add(api.get("/api/v1/cycles?limit=1.5"));
		answers.add(api.get("/api/v1/kpis/" + kpi + "/measurements?bucket=HOUR&bucket=DAY"));
		answers.add(api.get("/api/v1/kpis/" + kpi + "/measurements?from=soon"));
		answers.add(api.get("/api/v1/library/okrs?function=MAGIC&level=NONE"));
		answers.add(api.get("/api/v1/audit?from=soon&to=later"));
		answers.add(api.get("/api/v1/objectives/" + objective.str("/id") + "?asOf=" + "9".repeat(300)));
		// bodies that are not JSON, or not this request's JSON
		answers.add(raw.send("POST", "/api/v1/cycles", "application/json", "{\"name\": " + DEEP_ARRAY + "}"));
		answers.add(raw.send("POST", "/api/v1/assessment", "application/json", "{\"answers\": {\"q\": " + DEEP_ARRAY + "}}"));
		answers.add(raw.send("POST", "/api/v1/kpis/" + kpi + "/measurements", "application/json", DEEP_ARRAY));
		answers.add(raw.send("POST", "/api/v1/cycles", "application/json", "{\"name\": 1" + "0".repeat(1200) + "}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\": NaN}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{/* note */ \"value\": 1}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{'value': 1}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\": 1} {\"value\": 2}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\": 1, \"confidence\": 99999999999}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\": \"lots\"}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\": {}}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\": 1, \"at\": [1, 2]}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\": 1, \"at\": \"" + "x".repeat(5000) + "\"}"));
		answers.add(raw.send("POST", checkIns, "application/json", "{\"value\""));
		answers.add(raw.send("POST", checkIns, "application/json", ""));
		answers.add(raw.send("POST", checkIns, "application/json", "\"value\""));
		answers.add(raw.send("POST", checkIns, "application/json", "[]"));
		answers.add(raw.send("POST", "/api/v1/objectives", "application/json", "{\"keyResults\": {}}"));
		answers.add(raw.send("POST", "/api/v1/objectives", "application/json",
				"{\"cycleId\": \"" + cycle + "\", \"title\": \"x\", \"level\": \"COMPANY\", \"keyResults\": [{\"type\": \"GUESS\"}]}"));
		// YAML bodies, which the JSON operations read too
		answers.add(raw.send("POST", "/api/v1/cycles", "application/yaml", "%YAML 9.9\n---\nname: x\n"));
		answers.add(raw.send("POST", "/api/v1/cycles", "application/yaml", "name: \"unclosed\n"));
		answers.add(raw.send("POST", "/api/v1/cycles", "application/yaml", "name: !!java.lang.Runtime x\n"));
		answers.add(raw.send("POST", "/api/v1/cycles", "application/yaml", "a: &x 1\nb: *y\n"));
		// types, methods, paths and headers
		answers.add(raw.send("POST", checkIns, "*/*", "{\"value\": 1}"));
		answers.add(raw.send("POST", checkIns, "text/plain", "{\"value\": 1}"));
		answers.add(raw.send("POST", checkIns, "application/json; charset=nonsense", "{\"value\": 1}"));
		answers.add(raw.send("PUT", "/api/v1/cycles", "application/json", "{}"));
		answers.add(raw.send("GET", "/api/v1/nowhere", null, null));
		answers.add(raw.send("GET", "/error", null, null));
		answers.add(raw.send("PATCH", "/api/v1/objectives/" + objective.str("/id"), "application/json",
				"{\"title\": \"x\"}", Map.of("If-Match", "not-a-version")));
		answers.add(raw.send("PATCH", "/api/v1/objectives/" + objective.str("/id"), "application/json",
				"{\"title\": \"x\"}", Map.of("If-Match", "\"99999999999999999999999\"")));
		answers.add(raw.send("GET", "/api/v1/cycles", null, null, Map.of("Accept", "text/csv")));
		answers.add(api.get("/api/v1/objectives/not-an-id"));
		answers.add(api.get("/api/v1/key-results/%20/check-ins?limit=-1&cursor=%ff"));

		SoftAssertions softly = new SoftAssertions();
		for (ApiClient.Response answer : answers) {
			softly.assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
			softly.assertThat(JAVA.matcher(answer.text()).find()).as(answer.toString()).isFalse();
		}
		softly.assertAll();
		assertThat(answers).hasSizeGreaterThan(40);
	}
}
