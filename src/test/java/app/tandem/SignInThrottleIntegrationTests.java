package app.tandem;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are counted in the database (so across nodes), throttled and audited. The limits
 * are the defaults: 5 per account, 20 per address, a minute. All requests come from 127.0.0.1, so
 * the address limit is tried last, in one test that leaves the context throttled.
 */
@TandemIntegrationTest
@TestMethodOrder(MethodOrderer.MethodName.class)
@TestPropertySource(properties = { "tandem.sign-in.max-failures-per-account=5",
		"tandem.sign-in.max-failures-per-address=20" })
class SignInThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anAccountWithFiveFailuresInAMinuteWaitsAndEachFailureIsAudited() {
		ApiClient admin = ApiClient.admin(port);
		assertThat(admin.post("/api/v1/users", Map.of("username", "guessed", "name", "Guessed", "password",
				"correct horse battery")).status()).isEqualTo(201);
		for (int i = 0; i < 5; i++) {
			var wrong = ApiClient.basic(port, "guessed", "wrong guess " + i).get("/api/v1/me");
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.isProblem()).isTrue();
		}
		var throttled = ApiClient.basic(port, "guessed", "correct horse battery").get("/api/v1/me");
		assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
		assertThat(throttled.isProblem()).isTrue();
		assertThat(admin.get("/api/v1/me").status()).as("other accounts go on").isEqualTo(200);

		var events = admin.get("/api/v1/audit?entity=sign_in&id=guessed").json().get("items");
		assertThat(events).hasSize(5);
		assertThat(events.get(0).get("action").asString()).isEqualTo("FAILED");
		assertThat(events.get(0).at("/changes/address/1").asString()).isNotBlank();
		assertThat(events.toString()).doesNotContain("wrong guess");
	}

	@Test
	void malformedCredentialsAreRefusedWithA4xxAndTheAddressLimitHolds() {
		String[] headers = { "Basic !!!", "Basic " + "QQ==".repeat(2_000), "Bearer", "Bearer tdm_nope", "Negotiate abc",
				"Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()) };
		for (String header : headers) {
			var answer = ApiClient.authorization(port, header).get("/api/v1/me");
			assertThat(answer.status()).as(header.length() > 40 ? header.substring(0, 40) : header).isBetween(400, 499);
		}
		for (int i = 0; i < 25; i++) {
			ApiClient.basic(port, "nobody-" + i, "guess").get("/api/v1/me");
		}
		assertThat(ApiClient.admin(port).get("/api/v1/me").status()).as("20 failures from one address").isEqualTo(429);
	}
}
