package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;

/**
 * A body whose Content-Type is a wildcard ({@code *}{@code /*}), no media type at all, or a type the operation
 * does not read answers 415 problem+json naming the types it reads, and changes nothing. Spring used to fail on
 * the wildcard with an internal error (500 and a stack trace in the log).
 */
@TandemIntegrationTest
class ContentTypeIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	RawRequests raw;

	String cycle;

	String objective;

	String keyResult;

	String team;

	String user;

	@BeforeEach
	void setUp() {
		api = ApiClient.admin(port);
		raw = RawRequests.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		cycle = api.post("/api/v1/cycles", Map.of("name", "Types " + suffix, "startDate", "2026-01-01", "endDate",
				"2026-12-31")).str("/id");
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Stay typed", "level", "COMPANY",
				"keyResults", List.of(Map.of("title", "Sleep", "type", "INCREASE", "startValue", 5, "targetValue", 8))));
		objective = created.str("/id");
		keyResult = created.str("/keyResults/0/id");
		team = api.post("/api/v1/teams", Map.of("key", "types-" + suffix, "name", "Types " + suffix)).str("/id");
		user = api.post("/api/v1/users", Map.of("username", "typed-" + suffix, "name", "Typed", "email",
				"typed-" + suffix + "@example.com", "password", "a-long-enough-Passw0rd-" + suffix)).str("/id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "application/*+json", "not a type" })
	void aBodyWithoutAUsableTypeIsRefusedOnEveryJsonWrite(String type) {
		assertUnsupported(raw.send("POST", "/api/v1/cycles", type,
				"{\"name\": \"Wild\", \"startDate\": \"2027-01-01\", \"endDate\": \"2027-03-31\"}"), type);
		assertUnsupported(raw.send("POST", "/api/v1/objectives", type,
				"{\"cycleId\": \"" + cycle + "\", \"title\": \"Wild\", \"level\": \"COMPANY\"}"), type);
		assertUnsupported(raw.send("POST", "/api/v1/key-results/" + keyResult + "/check-ins", type, "{\"value\": 6}"),
				type);
		assertUnsupported(raw.send("PATCH", "/api/v1/objectives/" + objective, type, "{\"title\": \"Wild\"}"), type);
		assertUnsupported(raw.send("PUT", "/api/v1/teams/" + team + "/members/" + user, type, "{\"role\": \"LEAD\"}"),
				type);
		assertUnsupported(raw.send("POST", "/api/v1/teams", type, "{\"key\": \"wild\", \"name\": \"Wild\"}"), type);
		assertUnsupported(raw.send("POST", "/api/v1/objectives/" + objective + "/publish", type, null), type);
		assertUnsupported(raw.send("PATCH", "/api/v1/users/" + user, type, "{\"active\": false}"), type);

		assertNothingChanged();
	}

	@Test
	void aTypeTheOperationDoesNotReadIsNamedWithTheOnesItDoes() {
		var response = raw.send("POST", "/api/v1/key-results/" + keyResult + "/check-ins", "text/plain", "{\"value\": 6}");

		assertUnsupported(response, "text/plain");
		assertNothingChanged();
	}

	@Test
	void theRestoreWhichOnlyReadsJsonSaysSoAsProblemJson() {
		var response = raw.send("POST", "/api/v1/import", "*/*", "{}");

		assertUnsupported(response, "*/*");
		assertThat(response.json().get("accepted").toString()).isEqualTo("[\"application/json\"]");
	}

	@Test
	void aWildcardOnARequestWithoutBodyIsHarmless() {
		var response = raw.send("GET", "/api/v1/objectives/" + objective, "*/*", null);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	private void assertUnsupported(ApiClient.Response response, String sent) {
		assertThat(response.status()).as(sent + ": " + response.text()).isEqualTo(415);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.str("/detail")).contains("application/json").contains(sent);
		assertThat(response.json().get("accepted").toString()).contains("application/json");
	}

	private void assertNothingChanged() {
		var read = api.get("/api/v1/objectives/" + objective);
		assertThat(read.str("/title")).isEqualTo("Stay typed");
		assertThat(read.json().get("version").asLong()).isZero();
		assertThat(api.get("/api/v1/key-results/" + keyResult + "/check-ins").json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/cycles?limit=1000").text()).doesNotContain("\"Wild\"");
		assertThat(api.get("/api/v1/teams/" + team).json().toString()).doesNotContain("LEAD");
		assertThat(api.get("/api/v1/users/" + user).json().get("active").asBoolean()).isTrue();
	}
}
