package app.tandem;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.identity.totp.Totp;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second factor (TOTP) per user: enrolment and confirmation through the API, the code on the
 * sign-in form and in X-Tandem-OTP next to HTTP Basic, each code taken once, tokens unaffected,
 * an administrator requiring and resetting it, and the secret never shown again. The clock is the
 * test's: each sign-in moves it on by one time step, so that codes are fresh and exact.
 */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class SecondFactorIntegrationTests {

	private static final String OTP = "X-Tandem-OTP";

	private static final String PASSWORD = "a second factor's password";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	/** A fresh user with their Basic client and a read-write token made before any second factor. */
	record Person(String id, String username, ApiClient basic, ApiClient token) {
	}

	private Person person() {
		String username = "otp-" + UUID.randomUUID().toString().substring(0, 8);
		var created = ApiClient.admin(port).post("/api/v1/users",
				Map.of("username", username, "name", "Otp User", "password", PASSWORD));
		assertThat(created.status()).isEqualTo(201);
		ApiClient basic = ApiClient.basic(port, username, PASSWORD);
		String token = basic.post("/api/v1/tokens", Map.of("name", "script", "scopes", List.of("read", "write")))
			.str("/token");
		return new Person(created.str("/id"), username, basic, ApiClient.anonymous(port).bearer(token));
	}

	private byte[] enrol(Person person) {
		var enrolment = person.token().post("/api/v1/me/totp", null);
		assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(201);
		return new Base32().decode(enrolment.str("/secret"));
	}

	private byte[] enrolAndConfirm(Person person) {
		byte[] secret = enrol(person);
		var confirmed = person.token().post("/api/v1/me/totp/confirm", Map.of("code", code(secret)));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		nextStep();
		return secret;
	}

	private String code(byte[] secret) {
		return Totp.code(secret, Totp.step(clock.instant()));
	}

	private void nextStep() {
		clock.set(clock.instant().plus(Totp.STEP).toString());
	}

	@Test
	void enrolmentTakesEffectOnceACodeOfTheNewSecretIsConfirmed() {
		Person ada = person();
		var enrolment = ada.basic().post("/api/v1/me/totp", null);
		assertThat(enrolment.status()).isEqualTo(201);
		String secret = enrolment.str("/secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrolment.str("/otpauthUri"))
			.isEqualTo("otpauth://totp/Tandem:" + ada.username() + "?secret=" + secret + "&issuer=Tandem");
		assertThat(ada.basic().get("/api/v1/me").json().at("/totpEnabled").asBoolean()).as("pending").isFalse();

		byte[] bytes = new Base32().decode(secret);
		String wrong = Totp.code(bytes, Totp.step(clock.instant()) + 5);
		var refused = ada.basic().post("/api/v1/me/totp/confirm", Map.of("code", wrong));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.str("/errors/0/field")).isEqualTo("code");
		assertThat(ada.basic().get("/api/v1/me").json().at("/totpEnabled").asBoolean()).as("nothing changed").isFalse();

		var confirmed = ada.basic().post("/api/v1/me/totp/confirm", Map.of("code", code(bytes)));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().at("/totpEnabled").asBoolean()).isTrue();

		var passwordAlone = ada.basic().get("/api/v1/me");
		assertThat(passwordAlone.status()).isEqualTo(401);
		assertThat(passwordAlone.isProblem()).isTrue();
		assertThat(passwordAlone.str("/detail")).contains(OTP).contains("API token");
		nextStep();
		assertThat(ada.basic().header(OTP, code(bytes)).post("/api/v1/me/totp", null).status())
			.as("enrolling again while enabled").isEqualTo(409);
	}

	@Test
	void basicTakesTheCodeInAHeaderOnceAndTokensKeepWorking() {
		Person bo = person();
		byte[] secret = enrolAndConfirm(bo);
		assertThat(bo.basic().get("/api/v1/me").status()).isEqualTo(401);
		String wrong = Totp.code(secret, Totp.step(clock.instant()) + 3);
		assertThat(bo.basic().header(OTP, wrong).get("/api/v1/me").status()).isEqualTo(401);
		String code = code(secret);
		var signedIn = bo.basic().header(OTP, code).get("/api/v1/me");
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.str("/username")).isEqualTo(bo.username());
		assertThat(bo.basic().header(OTP, code).get("/api/v1/me").status()).as("the same code again").isEqualTo(401);
		assertThat(ApiClient.basic(port, bo.username(), "not the password").header(OTP, code(secret)).get("/api/v1/me")
			.status()).as("a right code with a wrong password").isEqualTo(401);
		assertThat(bo.token().get("/api/v1/me").status()).as("a token is enough").isEqualTo(200);
		nextStep();
		assertThat(bo.basic().header(OTP, code(secret)).get("/api/v1/objectives").status()).isEqualTo(200);

		var failures = ApiClient.admin(port).get("/api/v1/audit?entity=sign_in&id=" + bo.username()).json().get("items");
		assertThat(failures).hasSizeGreaterThanOrEqualTo(3);
		assertThat(failures.toString()).contains("missing or wrong second-factor code").doesNotContain(code);
	}

	@Test
	void theFormNeedsTheCodeAndTakesEachCodeOnce() throws Exception {
		Person cy = person();
		byte[] secret = enrolAndConfirm(cy);
		Browser browser = new Browser();
		assertThat(browser.send("GET", "/login", null).body()).contains("name=\"code\"").contains("name=\"username\"")
			.contains("name=\"password\"");

		assertThat(browser.signIn(cy.username(), PASSWORD, null)).as("without a code").endsWith("/login?error");
		assertThat(browser.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
		String wrong = Totp.code(secret, Totp.step(clock.instant()) - 4);
		assertThat(browser.signIn(cy.username(), PASSWORD, wrong)).as("a wrong code").endsWith("/login?error");
		assertThat(browser.signIn(cy.username(), PASSWORD, "abc")).as("not a code").endsWith("/login?error");
		assertThat(browser.signIn(cy.username(), PASSWORD, "1".repeat(50))).endsWith("/login?error");

		String code = code(secret);
		assertThat(browser.signIn(cy.username(), PASSWORD, code)).doesNotContain("error");
		var me = browser.send("GET", "/api/v1/me", null);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"" + cy.username() + "\"");

		assertThat(new Browser().signIn(cy.username(), PASSWORD, code)).as("the same code again")
			.endsWith("/login?error");
		var failures = ApiClient.admin(port).get("/api/v1/audit?entity=sign_in&id=" + cy.username()).text();
		assertThat(failures).contains("missing or wrong second-factor code").doesNotContain(code);
	}

	@Test
	void peopleWithoutASecondFactorSignInOnTheFormAsBefore() throws Exception {
		Person di = person();
		Browser browser = new Browser();
		assertThat(browser.signIn(di.username(), PASSWORD, null)).doesNotContain("error");
		assertThat(browser.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
		assertThat(new Browser().signIn(di.username(), PASSWORD, "123456")).as("a code they need not send")
			.doesNotContain("error");
	}

	@Test
	void codesThatAreNoCodesAre400AndNever500() {
		Person ed = person();
		enrol(ed);
		List<Object> bodies = List.of(Map.of("code", "abc"), Map.of("code", "1".repeat(50)), Map.of("code", ""),
				Map.of("code", "12345"), Map.of("code", " 123456"), Map.of(), new HashMap<>(Map.of("other", 1)),
				Map.of("code", List.of("123456")), Map.of("code", Map.of()), "not json", "[]");
		for (Object body : bodies) {
			var confirm = ed.token().post("/api/v1/me/totp/confirm", body);
			assertThat(confirm.status()).as("confirm " + body).isEqualTo(400);
			assertThat(confirm.isProblem()).isTrue();
		}
		assertThat(ed.token().post("/api/v1/me/totp/confirm", Map.of("code", "abc")).str("/errors/0/field"))
			.isEqualTo("code");
		assertThat(ed.token().post("/api/v1/me/totp/confirm", Map.of("code", code(enrol(ed)))).status()).isEqualTo(200);
		nextStep();
		for (Object body : bodies) {
			var remove = ed.token().delete("/api/v1/me/totp", body);
			assertThat(remove.status()).as("remove " + body).isEqualTo(400);
		}
		assertThat(ed.token().delete("/api/v1/me/totp").status()).as("no body").isEqualTo(400);
		for (String header : List.of("abc", "1".repeat(50), "", " ", "12345 ", "-12345")) {
			assertThat(ed.basic().header(OTP, header).get("/api/v1/me").status()).as(header).isEqualTo(401);
		}
		assertThat(ed.token().get("/api/v1/me").json().at("/totpEnabled").asBoolean()).isTrue();
	}

	@Test
	void theUserRemovesTheirSecondFactorWithACurrentCode() {
		Person fa = person();
		byte[] secret = enrolAndConfirm(fa);
		var wrong = fa.token().delete("/api/v1/me/totp", Map.of("code", Totp.code(secret, Totp.step(clock.instant()) + 7)));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.str("/errors/0/field")).isEqualTo("code");
		assertThat(fa.token().get("/api/v1/me").json().at("/totpEnabled").asBoolean()).isTrue();
		assertThat(fa.token().delete("/api/v1/me/totp", Map.of("code", code(secret))).status()).isEqualTo(204);
		assertThat(fa.basic().get("/api/v1/me").json().at("/totpEnabled").asBoolean()).isFalse();
		assertThat(fa.token().delete("/api/v1/me/totp", Map.of("code", "123456")).status()).as("nothing to remove")
			.isEqualTo(404);
		var events = ApiClient.admin(port).get("/api/v1/audit?entity=user&id=" + fa.id()).text();
		assertThat(events).contains("TOTP_STARTED").contains("TOTP_ENABLED").contains("TOTP_DISABLED");
	}

	@Test
	void anAdministratorRequiresASecondFactorAndTheUserMayOnlyEnrolUntilTheyHaveOne() {
		ApiClient admin = ApiClient.admin(port);
		Person gil = person();
		assertThat(gil.basic().patch("/api/v1/users/" + gil.id(), Map.of("totpRequired", true)).status())
			.as("not for themselves").isEqualTo(403);
		String etag = admin.get("/api/v1/users/" + gil.id()).etag();
		var required = admin.patch("/api/v1/users/" + gil.id(), Map.of("totpRequired", true), etag);
		assertThat(required.status()).isEqualTo(200);
		assertThat(required.json().at("/totpRequired").asBoolean()).isTrue();
		assertThat(required.json().at("/totpEnabled").asBoolean()).isFalse();

		for (ApiClient client : List.of(gil.basic(), gil.token())) {
			var refused = client.get("/api/v1/objectives");
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.isProblem()).isTrue();
			assertThat(refused.str("/detail")).isEqualTo("A second factor is required: enrol at POST /api/v1/me/totp");
			assertThat(client.post("/api/v1/tokens", Map.of("name", "another", "scopes", List.of("read"))).status())
				.isEqualTo(403);
			var me = client.get("/api/v1/me");
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().at("/totpRequired").asBoolean()).isTrue();
		}
		byte[] secret = enrol(gil);
		assertThat(gil.basic().post("/api/v1/me/totp/confirm", Map.of("code", code(secret))).status()).isEqualTo(200);
		nextStep();
		assertThat(gil.basic().header(OTP, code(secret)).get("/api/v1/objectives").status()).isEqualTo(200);
		assertThat(gil.token().get("/api/v1/objectives").status()).isEqualTo(200);

		assertThat(admin.patch("/api/v1/users/" + gil.id(), Map.of("totpRequired", false), required.etag()).status())
			.as("enabling it changed the user").isEqualTo(412);
		var relaxed = admin.patch("/api/v1/users/" + gil.id(), Map.of("totpRequired", false),
				admin.get("/api/v1/users/" + gil.id()).etag());
		assertThat(relaxed.status()).isEqualTo(200);
		assertThat(relaxed.json().at("/totpRequired").asBoolean()).isFalse();
		assertThat(admin.get("/api/v1/audit?entity=user&id=" + gil.id()).text()).contains("totpRequired");
	}

	@Test
	void anAdministratorResetsALostSecondFactor() {
		ApiClient admin = ApiClient.admin(port);
		Person hal = person();
		Person other = person();
		enrolAndConfirm(hal);
		assertThat(hal.basic().get("/api/v1/me").status()).isEqualTo(401);
		assertThat(other.basic().delete("/api/v1/users/" + hal.id() + "/totp").status()).isEqualTo(403);
		assertThat(admin.delete("/api/v1/users/" + hal.id() + "/totp").status()).isEqualTo(204);
		var me = hal.basic().get("/api/v1/me");
		assertThat(me.status()).as("the password alone again").isEqualTo(200);
		assertThat(me.json().at("/totpEnabled").asBoolean()).isFalse();
		assertThat(admin.get("/api/v1/audit?entity=user&id=" + hal.id()).text()).contains("TOTP_RESET");
		assertThat(admin.delete("/api/v1/users/" + UUID.randomUUID() + "/totp").status()).isEqualTo(404);
		assertThat(admin.delete("/api/v1/users/not-an-id/totp").status()).as("as any malformed id").isEqualTo(404);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theSecretIsNeverShownAgainNorStoredInTheOpenNorLogged(CapturedOutput output) {
		ApiClient admin = ApiClient.admin(port);
		Person ivy = person();
		var enrolment = ivy.token().post("/api/v1/me/totp", null);
		String secret = enrolment.str("/secret");
		assertThat(ivy.token().post("/api/v1/me/totp/confirm",
				Map.of("code", code(new Base32().decode(secret)))).status()).isEqualTo(200);

		for (String path : List.of("/api/v1/users/" + ivy.id(), "/api/v1/users?limit=1000", "/api/v1/me",
				"/api/v1/audit?entity=user&id=" + ivy.id(), "/api/v1/export")) {
			var answer = admin.get(path);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.text()).as(path).doesNotContain(secret).doesNotContain(secret.toLowerCase());
		}
		var view = admin.get("/api/v1/users/" + ivy.id()).json();
		assertThat(view.has("totpSecret")).isFalse();
		assertThat(view.at("/totpEnabled").asBoolean()).isTrue();
		String stored = jdbc.queryForObject("select totp_secret from app_user where id = ?", String.class,
				UUID.fromString(ivy.id()));
		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		assertThat(output.getAll()).doesNotContain(secret);
	}

	/** A browser: cookies kept, redirects not followed. */
	private final class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> send(String method, String path, String form) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
			if (form != null) {
				request.header("Content-Type", "application/x-www-form-urlencoded");
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Where the form sends the browser next. */
		String signIn(String username, String password, String code) throws IOException, InterruptedException {
			Matcher csrf = CSRF.matcher(send("GET", "/login", null).body());
			assertThat(csrf.find()).isTrue();
			String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + csrf.group(1)
					+ (code == null ? "" : "&code=" + encode(code));
			var answer = send("POST", "/login", form);
			assertThat(answer.statusCode()).isEqualTo(302);
			return answer.headers().firstValue("Location").orElseThrow();
		}

		private static String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}
	}
}
