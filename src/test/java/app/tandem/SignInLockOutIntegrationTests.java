package app.tandem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.identity.totp.Totp;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins slow down whoever fails, not the people around them (issue 14, item 8). Each test signs in
 * from addresses of its own (X-Forwarded-For, which this context believes), on the test's clock, with the
 * default limits: 5 per account and address, 20 per address within a minute.
 */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "tandem.sign-in.max-failures-per-account=5",
		"tandem.sign-in.max-failures-per-address=20", "server.forward-headers-strategy=framework" })
class SignInLockOutIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final String OTP = "X-Tandem-OTP";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	private final String suffix = Long.toString(System.nanoTime(), 36);

	/** Addresses of this test only (documentation ranges), so that tests do not count each other's failures. */
	private String address(int n) {
		return "2001:db8:" + suffix.substring(suffix.length() - 4) + "::" + n;
	}

	private ApiClient basic(String address, String user, String password) {
		return ApiClient.basic(port, user, password).header("X-Forwarded-For", address);
	}

	private ApiClient bearer(String address, String token) {
		return ApiClient.anonymous(port).bearer(token).header("X-Forwarded-For", address);
	}

	private String person(String username) {
		var created = ApiClient.admin(port).post("/api/v1/users",
				Map.of("username", username, "name", "Person " + username, "password", PASSWORD));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.str("/id");
	}

	private String token(String username) {
		return ApiClient.basic(port, username, PASSWORD)
			.post("/api/v1/tokens", Map.of("name", "script", "scopes", List.of("read", "write")))
			.str("/token");
	}

	private void later(Duration duration) {
		clock.set(clock.instant().plus(duration).toString());
	}

	private List<Integer> statuses(int times, java.util.function.Supplier<ApiClient.Response> call) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			statuses.add(call.get().status());
		}
		return statuses;
	}

	@Test
	void aGuesserAtOneAddressDoesNotKeepTheOwnerOutFromAnother() {
		String owner = "owner-" + suffix;
		person(owner);
		assertThat(statuses(5, () -> basic(address(1), owner, "guess").get("/api/v1/me"))).containsOnly(401);
		var there = basic(address(1), owner, PASSWORD).get("/api/v1/me");
		assertThat(there.status()).as("the right password from the guesser's address waits").isEqualTo(429);
		assertThat(there.isProblem()).isTrue();
		assertThat(basic(address(2), owner, PASSWORD).get("/api/v1/me").status()).as("the owner at home")
			.isEqualTo(200);
	}

	@Test
	void theWaitGrowsWithEachFailureAndEnds() {
		String owner = "patient-" + suffix;
		person(owner);
		statuses(5, () -> basic(address(1), owner, "guess").get("/api/v1/me"));
		var first = basic(address(1), owner, PASSWORD).get("/api/v1/me");
		assertThat(first.status()).isEqualTo(429);
		later(Duration.ofSeconds(61));
		assertThat(basic(address(1), owner, "guess again").get("/api/v1/me").status()).as("checked again after a minute")
			.isEqualTo(401);
		later(Duration.ofSeconds(61));
		assertThat(basic(address(1), owner, PASSWORD).get("/api/v1/me").status()).as("the second wait is two minutes")
			.isEqualTo(429);
		later(Duration.ofSeconds(60));
		assertThat(basic(address(1), owner, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void guessesFromManyAddressesLockTheAccountButTheOwnersSecondFactorPasses() {
		String owner = "twofactor-" + suffix;
		person(owner);
		ApiClient withToken = bearer(address(9), token(owner));
		byte[] secret = new Base32().decode(withToken.post("/api/v1/me/totp", null).str("/secret"));
		assertThat(withToken.post("/api/v1/me/totp/confirm", Map.of("code", code(secret))).status()).isEqualTo(200);
		later(Totp.STEP);

		for (int a = 1; a <= 2; a++) {
			int from = a;
			assertThat(statuses(5, () -> basic(address(from), owner, "guess").header(OTP, "123456").get("/api/v1/me")))
				.containsOnly(401);
		}
		assertThat(basic(address(3), owner, "guess").get("/api/v1/me").status())
			.as("guesses from two addresses lock a third").isEqualTo(429);
		assertThat(basic(address(5), owner, PASSWORD).get("/api/v1/me").status())
			.as("the password alone from anywhere waits").isEqualTo(429);
		assertThat(basic(address(5), owner, "another guess").header(OTP, code(secret)).get("/api/v1/me").status())
			.as("a guess with a right code still fails, as 429").isEqualTo(429);
		var owners = basic(address(5), owner, PASSWORD).header(OTP, code(secret)).get("/api/v1/me");
		assertThat(owners.status()).as("the owner with their second factor").isEqualTo(200);
		assertThat(withToken.get("/api/v1/me").status()).as("their token was never held up").isEqualTo(200);
	}

	@Test
	void someoneWithThePasswordGuessingCodesStopsTheCodeFromPassing() {
		String owner = "phished-" + suffix;
		person(owner);
		ApiClient withToken = bearer(address(9), token(owner));
		byte[] secret = new Base32().decode(withToken.post("/api/v1/me/totp", null).str("/secret"));
		assertThat(withToken.post("/api/v1/me/totp/confirm", Map.of("code", code(secret))).status()).isEqualTo(200);
		later(Totp.STEP);
		long step = Totp.step(clock.instant());
		for (int i = 0; i < 5; i++) {
			assertThat(basic(address(1), owner, PASSWORD).header(OTP, Totp.code(secret, step + 20 + i))
				.get("/api/v1/me").status()).isEqualTo(401);
		}
		assertThat(basic(address(1), owner, PASSWORD).header(OTP, code(secret)).get("/api/v1/me").status())
			.as("the right code no longer passes").isEqualTo(429);
	}

	@Test
	void madeUpNamesFromOneAddressHoldUpOnlyThatAddressesFailures() {
		String colleague = "colleague-" + suffix;
		person(colleague);
		String token = token(colleague);
		String office = address(1);
		List<Integer> guesses = statuses(25, () -> basic(office, "nobody-" + UUID.randomUUID(), "guess").get("/api/v1/me"));
		assertThat(guesses.subList(0, 20)).containsOnly(401);
		assertThat(guesses.subList(20, 25)).as("the office's failures past 20 in a minute").containsOnly(429);

		assertThat(basic(office, colleague, PASSWORD).get("/api/v1/me").status()).as("a colleague's password")
			.isEqualTo(200);
		assertThat(basic(office, "admin", "open-sesame-test-run").get("/api/v1/me").status()).isEqualTo(200);
		assertThat(bearer(office, token).get("/api/v1/me").status()).as("a colleague's token").isEqualTo(200);
		var failing = basic(office, colleague, "typo").get("/api/v1/me");
		assertThat(failing.status()).as("a failure from the office is held up").isEqualTo(429);
		assertThat(failing.isProblem()).isTrue();
		assertThat(basic(address(2), "nobody-" + suffix, "guess").get("/api/v1/me").status()).as("another address")
			.isEqualTo(401);
		later(Duration.ofSeconds(61));
		assertThat(basic(office, "nobody-" + suffix, "guess").get("/api/v1/me").status()).as("a minute later")
			.isEqualTo(401);
	}

	@Test
	void aRevokedTokenOfOneIntegrationHoldsUpNobodyElse() {
		String integration = "integration-" + suffix;
		person(integration);
		String revoked = token(integration);
		String tokenId = ApiClient.basic(port, integration, PASSWORD).get("/api/v1/tokens").json().at("/items/0/id")
			.asString();
		assertThat(ApiClient.basic(port, integration, PASSWORD).delete("/api/v1/tokens/" + tokenId).status())
			.isEqualTo(204);
		String colleague = "tokened-" + suffix;
		person(colleague);
		String valid = token(colleague);
		String office = address(3);

		List<Integer> calls = statuses(24, () -> bearer(office, revoked).get("/api/v1/me"));
		assertThat(calls.subList(0, 20)).containsOnly(401);
		assertThat(calls.subList(20, 24)).containsOnly(429);
		assertThat(bearer(office, valid).get("/api/v1/me").status()).as("a valid token").isEqualTo(200);
		assertThat(basic(office, colleague, PASSWORD).get("/api/v1/me").status()).as("a valid password")
			.isEqualTo(200);
	}

	@Test
	void aNewPasswordFromAnAdminLiftsTheLock() {
		String owner = "locked-" + suffix;
		String id = person(owner);
		statuses(5, () -> basic(address(1), owner, "guess").get("/api/v1/me"));
		assertThat(basic(address(1), owner, PASSWORD).get("/api/v1/me").status()).isEqualTo(429);
		assertThat(ApiClient.admin(port).patch("/api/v1/users/" + id, Map.of("password", "a brand new battery"))
			.status()).isEqualTo(200);
		assertThat(basic(address(1), owner, "a brand new battery").get("/api/v1/me").status()).isEqualTo(200);
	}

	private String code(byte[] secret) {
		return Totp.code(secret, Totp.step(clock.instant()));
	}
}
