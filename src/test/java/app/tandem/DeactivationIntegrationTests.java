package app.tandem;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deactivating a person ends what they hold: their browser sessions answer as signed out from the next
 * request on (401 problem+json on the API, the sign-in page for pages), and their API tokens are revoked for
 * good, so that reactivating them revives none.
 */
@TandemIntegrationTest
class DeactivationIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api;

	private String suffix;

	private String objective;

	private String kpi;

	@BeforeEach
	void publicObjectiveAndKpi() {
		api = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Leaving " + suffix, "startDate",
				LocalDate.now().minusDays(10).toString(), "endDate", LocalDate.now().plusDays(60).toString())).str("/id");
		objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Public " + suffix, "level",
				"INDIVIDUAL", "keyResults", List.of(Map.of("title", "Done", "type", "MILESTONE")))).str("/id");
		kpi = api.post("/api/v1/kpis", Map.of("key", "leaving-" + suffix, "name", "Visits", "direction",
				"HIGHER_IS_BETTER", "target", 100, "frequency", "DAILY", "aggregation", "SUM")).str("/id");
	}

	private String person(String username) {
		return api.post("/api/v1/users", Map.of("username", username, "name", "Leaver", "password", PASSWORD))
			.str("/id");
	}

	private static void signedOut(HttpResponse<String> answer, String what) {
		assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what)
			.startsWith("application/problem+json");
	}

	private long comments() {
		return api.get("/api/v1/objectives/" + objective + "/comments").json().get("items").size();
	}

	@Test
	void aDeactivatedPersonsSessionAnswersAsSignedOutAndTheirTokensAreRevokedForGood() {
		String username = "leaver-" + suffix;
		String id = person(username);
		PageSession browser = PageSession.signedIn(port, username, PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(browser.api("GET", "/api/v1/objectives/" + objective, null).statusCode()).isEqualTo(200);
		assertThat(browser.api("POST", "/api/v1/objectives/" + objective + "/comments", "{\"body\":\"still here\"}")
			.statusCode()).isEqualTo(201);
		var created = browser.api("POST", "/api/v1/tokens", "{\"name\":\"mine\",\"scopes\":[\"read\",\"write\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		String token = ApiClient.JSON.readTree(created.body()).get("token").asString();
		ApiClient withToken = ApiClient.anonymous(port).bearer(token);
		assertThat(withToken.get("/api/v1/me").status()).isEqualTo(200);
		long before = comments();

		assertThat(api.patch("/api/v1/users/" + id, Map.of("active", false)).status()).isEqualTo(200);

		signedOut(browser.api("GET", "/api/v1/objectives/" + objective, null), "reading a public objective");
		signedOut(browser.api("GET", "/api/v1/kpis/" + kpi, null), "reading a KPI");
		signedOut(browser.api("POST", "/api/v1/objectives/" + objective + "/comments", "{\"body\":\"gone\"}"),
				"commenting");
		signedOut(browser.api("POST", "/api/v1/tokens", "{\"name\":\"another\",\"scopes\":[\"write\"]}"),
				"making a token");
		var page = browser.get("/objectives/" + objective);
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(comments()).as("nothing was stored").isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username)
			.query(Long.class).single()).as("no session of theirs is left on any node").isZero();
		assertThat(jdbc.sql("select count(*) from api_token where user_id = cast(? as uuid) and revoked_at is null")
			.param(id).query(Long.class).single()).isZero();
		assertThat(withToken.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.get("/api/v1/audit?entity=api_token").text()).contains("owner deactivated");

		assertThat(api.patch("/api/v1/users/" + id, Map.of("active", true)).status()).isEqualTo(200);
		assertThat(withToken.get("/api/v1/me").status()).as("reactivation revives no token").isEqualTo(401);
		signedOut(browser.api("GET", "/api/v1/me", null), "the old session after reactivation");
		assertThat(PageSession.signedIn(port, username, PASSWORD).get("/").statusCode())
			.as("they sign in again once reactivated").isEqualTo(200);
	}

	/** However the flag changed (another node, a sign-in that finished meanwhile), the next request sees it. */
	@Test
	void aSessionLeftInTheDatabaseIsSignedOutOnItsNextRequest() {
		String username = "stayer-" + suffix;
		String id = person(username);
		PageSession browser = PageSession.signedIn(port, username, PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		jdbc.sql("update app_user set active = false where id = cast(? as uuid)").param(id).update();
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username)
			.query(Long.class).single()).isPositive();

		signedOut(browser.api("GET", "/api/v1/kpis/" + kpi, null), "reading a KPI");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username)
			.query(Long.class).single()).as("the session is ended").isZero();
	}
}
