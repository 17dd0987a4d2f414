package app.tandem;

import java.time.Instant;
import java.util.Map;

import app.tandem.identity.totp.Totp;
import org.apache.commons.codec.binary.Base32;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are counted in the database (so across nodes), throttled and audited. The limits
 * are the defaults: 5 per account (and address), 20 per address within a minute. All requests come
 * from 127.0.0.1, so the address limit is tried last, in one test that leaves the address failing.
 * SignInLockOutIntegrationTests has the cases that need several addresses.
 */
@TandemIntegrationTest
@TestMethodOrder(MethodOrderer.MethodName.class)
@TestPropertySource(properties = { "tandem.sign-in.max-failures-per-account=5",
		"tandem.sign-in.max-failures-per-address=20" })
class SignInThrottleIntegrationTests {

	@LocalServerPort
	int port;

	/** Runs first: its five failures leave the address well below its limit for the tests after it. */
	@Test
	void aSignedInCallerGuessingCodesToRemoveASecondFactorWaitsToo() {
		ApiClient admin = ApiClient.admin(port);
		assertThat(admin.post("/api/v1/users", Map.of("username", "holder", "name", "Holder", "password",
				"correct horse battery")).status()).isEqualTo(201);
		ApiClient holder = ApiClient.basic(port, "holder", "correct horse battery");
		String token = holder.post("/api/v1/tokens", Map.of("name", "t", "scopes", java.util.List.of("write"))).str("/token");
		ApiClient withToken = ApiClient.anonymous(port).bearer(token);
		byte[] secret = new Base32().decode(withToken.post("/api/v1/me/totp", null).str("/secret"));
		long now = Totp.step(Instant.now());
		assertThat(withToken.post("/api/v1/me/totp/confirm", Map.of("code", Totp.code(secret, now))).status())
			.isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(withToken.delete("/api/v1/me/totp", Map.of("code", Totp.code(secret, now + 10 + i))).status())
				.isEqualTo(400);
		}
		var throttled = withToken.delete("/api/v1/me/totp", Map.of("code", Totp.code(secret, now + 1)));
		assertThat(throttled.status()).as("even a right code waits").isEqualTo(429);
		assertThat(throttled.isProblem()).isTrue();
		assertThat(withToken.get("/api/v1/me").json().at("/totpEnabled").asBoolean()).isTrue();
	}

	/** Guesses sent all at once get no further than guesses sent one after another. */
	@Test
	void anAccountGuessedInParallelStillGetsOnlyFiveTries() throws Exception {
		ApiClient admin = ApiClient.admin(port);
		assertThat(admin.post("/api/v1/users", Map.of("username", "stormed", "name", "Stormed", "password",
				"correct horse battery")).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/users", Map.of("username", "busy", "name", "Busy", "password",
				"correct horse battery")).status()).isEqualTo(201);
		java.util.List<Integer> guesses = parallel(16, i -> ApiClient.basic(port, "stormed", "guess " + i));
		assertThat(guesses.stream().filter(status -> status == 401).count()).as(guesses.toString()).isEqualTo(5);
		assertThat(guesses.stream().filter(status -> status == 429).count()).isEqualTo(11);
		assertThat(admin.get("/api/v1/audit?entity=sign_in&id=stormed").json().get("items")).hasSize(5);

		java.util.List<Integer> rightOnes = parallel(8, i -> ApiClient.basic(port, "busy", "correct horse battery"));
		assertThat(rightOnes).as("the right password, in parallel, is never throttled").containsOnly(200);
	}

	private static java.util.List<Integer> parallel(int callers, java.util.function.IntFunction<ApiClient> client)
			throws Exception {
		var together = new java.util.concurrent.CyclicBarrier(callers);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
		try {
			var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < callers; i++) {
				ApiClient caller = client.apply(i);
				answers.add(pool.submit(() -> {
					together.await();
					return caller.get("/api/v1/me").status();
				}));
			}
			var statuses = new java.util.ArrayList<Integer>();
			for (var answer : answers) {
				statuses.add(answer.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}

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
		assertThat(ApiClient.adminBasic(port).get("/api/v1/me").status()).as("other accounts' passwords go on")
			.isEqualTo(200);

		var events = admin.get("/api/v1/audit?entity=sign_in&id=guessed").json().get("items");
		assertThat(events).hasSize(5);
		assertThat(events.get(0).get("action").asString()).isEqualTo("FAILED");
		assertThat(events.get(0).at("/changes/address/1").asString()).isNotBlank();
		assertThat(events.toString()).doesNotContain("wrong guess");
	}

	/** Runs last: the address has failed too often for a minute afterwards. */
	@Test
	void malformedCredentialsAreRefusedWithA4xxAndTheAddressLimitHoldsUpOnlyFailures() throws Exception {
		ApiClient admin = ApiClient.admin(port);
		assertThat(admin.post("/api/v1/users", Map.of("username", "bystander", "name", "Bystander", "password",
				"correct horse battery")).status()).isEqualTo(201);
		String token = ApiClient.basic(port, "bystander", "correct horse battery")
			.post("/api/v1/tokens", Map.of("name", "t", "scopes", java.util.List.of("read"))).str("/token");
		String[] headers = { "Basic !!!", "Basic " + "QQ==".repeat(2_000), "Bearer", "Bearer tdm_nope", "Negotiate abc",
				"Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()) };
		for (String header : headers) {
			var answer = ApiClient.authorization(port, header).get("/api/v1/me");
			assertThat(answer.status()).as(header.length() > 40 ? header.substring(0, 40) : header).isBetween(400, 499);
		}
		for (int i = 0; i < 25; i++) {
			ApiClient.basic(port, "nobody-" + i, "guess").get("/api/v1/me");
		}
		var failing = ApiClient.basic(port, "nobody-else", "guess").get("/api/v1/me");
		assertThat(failing.status()).as("a failure from an address with 20 in a minute").isEqualTo(429);
		assertThat(failing.isProblem()).isTrue();
		assertThat(failing.text()).doesNotContain("Exception");
		assertThat(ApiClient.authorization(port, "Bearer tdm_revoked").get("/api/v1/me").status()).isEqualTo(429);

		assertThat(ApiClient.adminBasic(port).get("/api/v1/me").status()).as("someone else's right password, same address")
			.isEqualTo(200);
		assertThat(ApiClient.anonymous(port).bearer(token).get("/api/v1/me").status())
			.as("someone else's valid token, same address").isEqualTo(200);
		assertThat(PageSession.signedIn(port, "bystander", "correct horse battery").get("/").statusCode())
			.as("and the sign-in form").isEqualTo(200);
	}
}
