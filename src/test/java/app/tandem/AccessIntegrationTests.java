package app.tandem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@TandemIntegrationTest
class AccessIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void healthAnswersWithoutCredentials() {
		var health = ApiClient.anonymous(port).get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.str("/status")).isEqualTo("UP");
	}

	@Test
	void apiRefusesCallsWithoutCredentials() {
		var me = ApiClient.anonymous(port).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.isProblem()).isTrue();
		assertThat(me.str("/detail")).as("in UTF-8, as JSON is").endsWith("(Authorization: Bearer …)");
	}

	@Test
	void passwordsFollowTheAsvsPolicy() {
		var admin = ApiClient.admin(port);
		for (String weak : List.of("short7!", "qwertyuiop", "PASSWORD1", "iloveyou")) {
			var refused = admin.post("/api/v1/users", Map.of("username", "weak-" + weak.length() + "-" + System.nanoTime(),
					"name", "Weak", "password", weak));
			assertThat(refused.status()).as(weak).isEqualTo(400);
			assertThat(refused.str("/errors/0/field")).isEqualTo("password");
		}
		String longOne = "a sentence of sixty-four characters is a fine password, keep it!";
		assertThat(longOne).hasSize(64);
		String name = "long-" + System.nanoTime();
		assertThat(admin.post("/api/v1/users", Map.of("username", name, "name", "Long", "password", longOne)).status())
			.isEqualTo(201);
		assertThat(ApiClient.basic(port, name, longOne).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void wrongPasswordIsRefused() {
		assertThat(ApiClient.basic(port, "admin", "not-the-password").get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void bootstrapAdminSignsInWithHttpBasic() {
		var me = ApiClient.adminBasic(port).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.str("/username")).isEqualTo("admin");
		assertThat(me.json().at("/admin").asBoolean()).isTrue();
	}

	@Test
	void tokenIsShownOnceAndActsForItsOwner() {
		var created = ApiClient.admin(port).post("/api/v1/tokens", Map.of("name", "ci", "scopes", List.of("read", "write")));
		assertThat(created.status()).isEqualTo(201);
		String token = created.str("/token");
		assertThat(token).startsWith("tdm_").hasSizeGreaterThan(40);

		var me = ApiClient.anonymous(port).bearer(token).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.str("/username")).isEqualTo("admin");

		var listed = ApiClient.admin(port).get("/api/v1/tokens");
		assertThat(listed.text()).contains(created.str("/id")).doesNotContain(token);
	}

	@Test
	void readOnlyTokenCannotWrite() {
		String token = ApiClient.admin(port).post("/api/v1/tokens", Map.of("name", "reader", "scopes", List.of("read")))
			.str("/token");
		var reader = ApiClient.anonymous(port).bearer(token);
		assertThat(reader.get("/api/v1/me").status()).isEqualTo(200);
		var write = reader.post("/api/v1/teams", Map.of("name", "Nope"));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.isProblem()).isTrue();
	}

	@Test
	void ingestTokenPostsMeasurementsAndNothingElse() {
		var admin = ApiClient.admin(port);
		assertThat(admin.post("/api/v1/kpis", Map.of("key", "feed-visits", "name", "Visits", "direction",
				"HIGHER_IS_BETTER", "target", 100, "frequency", "DAILY", "aggregation", "SUM")).status()).isEqualTo(201);
		String token = admin.post("/api/v1/tokens", Map.of("name", "feed", "scopes", List.of("ingest"))).str("/token");
		var feed = ApiClient.anonymous(port).bearer(token);

		var across = feed.postRaw("/api/v1/measurements", "kpi,at,value\nfeed-visits,2026-01-01,3\n", "text/csv");
		assertThat(across.status()).isEqualTo(200);
		var one = feed.post("/api/v1/kpis/feed-visits/measurements", List.of(Map.of("at", "2026-01-02", "value", 4)));
		assertThat(one.status()).isEqualTo(200);

		assertThat(feed.get("/api/v1/kpis/feed-visits").status()).isEqualTo(403);
		assertThat(feed.get("/api/v1/me").status()).isEqualTo(403);
		assertThat(feed.post("/api/v1/teams", Map.of("name", "Nope")).status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/kpis/feed-visits/measurements?bucket=DAY&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z")
			.json().at("/items").toString()).contains("3.0").contains("4.0");
	}

	@Test
	void revokedTokenStopsWorking() {
		var created = ApiClient.admin(port).post("/api/v1/tokens", Map.of("name", "temp", "scopes", List.of("read")));
		var client = ApiClient.anonymous(port).bearer(created.str("/token"));
		assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(ApiClient.admin(port).delete("/api/v1/tokens/" + created.str("/id")).status()).isEqualTo(204);
		assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void unknownScopeIsRefusedWithItsField() {
		var created = ApiClient.admin(port).post("/api/v1/tokens", Map.of("name", "x", "scopes", List.of("root")));
		assertThat(created.status()).isEqualTo(400);
		assertThat(created.str("/errors/0/field")).isEqualTo("scopes[0]");
	}

	@Test
	void openApiDocumentIsServed() {
		var docs = ApiClient.anonymous(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.text()).contains("/api/v1/me");
	}
}
