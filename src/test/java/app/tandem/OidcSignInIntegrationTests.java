package app.tandem;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.LocalOidcIssuer.Person;
import app.tandem.LocalOidcIssuer.Spoil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration.OVERRIDE;

/**
 * Single sign-on against an OpenID Connect issuer started here: a browser goes to the issuer and back
 * and gets a session for the user with the ID token's email (found ignoring case, or created), which
 * the API then takes like a password sign-in's. Refusals land on /login?error, never on a 500.
 */
@TandemIntegrationTest
class OidcSignInIntegrationTests {

	static final LocalOidcIssuer ISSUER = LocalOidcIssuer.start();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry properties) {
		properties.add("tandem.oidc.issuer-uri", ISSUER::uri);
		properties.add("tandem.oidc.client-id", () -> LocalOidcIssuer.CLIENT_ID);
		properties.add("tandem.oidc.client-secret", () -> LocalOidcIssuer.CLIENT_SECRET);
		properties.add("tandem.oidc.name", () -> "Acme SSO");
	}

	@AfterAll
	static void stopIssuer() {
		ISSUER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	/** A browser: keeps its cookies, follows no redirect. */
	static final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final int port;

		Browser(int port) {
			this.port = port;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return get(URI.create("http://localhost:" + port + path));
		}

		HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String json, String csrf) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", csrf)
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Tandem → the issuer → Tandem's callback; answers the callback's response. */
		HttpResponse<String> signInAtIssuer() throws IOException, InterruptedException {
			var start = get("/oauth2/authorization/oidc");
			assertThat(start.statusCode()).as("to the issuer").isEqualTo(302);
			URI atIssuer = location(start);
			assertThat(atIssuer.toString()).startsWith(ISSUER.uri() + "/authorize?")
				.contains("code_challenge=", "nonce=", "state=", "scope=openid%20email%20profile");
			var issuer = get(atIssuer);
			assertThat(issuer.statusCode()).as("the issuer signs in at once").isEqualTo(302);
			URI back = location(issuer);
			assertThat(back.getPath()).isEqualTo("/login/oauth2/code/oidc");
			return get(back);
		}

		String csrfToken() throws IOException, InterruptedException {
			Matcher matcher = CSRF.matcher(get("/login").body());
			assertThat(matcher.find()).as("the sign-in page carries a CSRF token").isTrue();
			return matcher.group(1);
		}
	}

	static URI location(HttpResponse<?> response) {
		return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
	}

	private static void signedIn(HttpResponse<String> callback) {
		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(location(callback).getPath()).isEqualTo("/");
		assertThat(location(callback).getQuery()).isNull();
		assertThat(callback.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("TANDEM_SESSION="));
	}

	private static void refused(HttpResponse<String> callback) {
		assertThat(callback.statusCode()).as("a refusal is a redirect, never a 500").isEqualTo(302);
		assertThat(location(callback).toString()).endsWith("/login?error");
	}

	private static String unique(String stem) {
		return stem + Long.toString(System.nanoTime(), 36);
	}

	@Test
	void anExistingUserIsFoundByEmailIgnoringCaseAndHasTheirRights() throws Exception {
		ApiClient admin = ApiClient.admin(port);
		String username = unique("ana");
		var ana = admin.post("/api/v1/users", Map.of("username", username, "name", "Ana Lima", "email",
				"Ana.Lima." + username + "@Example.COM"));
		assertThat(ana.status()).isEqualTo(201);

		Browser browser = new Browser(port);
		ISSUER.signsInNext(new Person("sub-" + username, "ana.lima." + username + "@example.com", true, "Ana"),
				Spoil.NONE);
		signedIn(browser.signInAtIssuer());

		var me = browser.get("/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(ApiClient.JSON.readTree(me.body()).get("id").asString()).isEqualTo(ana.str("/id"));
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				username)).as("the session is in the database under the user's name, as after a password").isEqualTo(1);
		String team = "{\"name\":\"" + unique("Team ") + "\"}";
		assertThat(browser.post("/api/v1/teams", team, browser.csrfToken()).statusCode()).as("not an admin")
			.isEqualTo(403);
		assertThat(admin.patch("/api/v1/users/" + ana.str("/id"), Map.of("admin", true)).status()).isEqualTo(200);
		assertThat(browser.post("/api/v1/teams", team, browser.csrfToken()).statusCode())
			.as("an admin now: rights are read on each request").isEqualTo(201);
	}

	@Test
	void anUnknownEmailCreatesAUserWithoutRightsOnceAndAuditsIt() throws Exception {
		String email = unique("new.person") + "@example.com";
		ISSUER.signsInNext(new Person(unique("sub-"), email, true, "New Person"), Spoil.NONE);
		Browser browser = new Browser(port);
		signedIn(browser.signInAtIssuer());

		var me = ApiClient.JSON.readTree(browser.get("/api/v1/me").body());
		assertThat(me.get("username").asString()).isEqualTo(email.substring(0, email.indexOf('@')));
		assertThat(me.get("name").asString()).isEqualTo("New Person");
		assertThat(me.get("email").asString()).isEqualTo(email);
		assertThat(me.get("admin").asBoolean()).isFalse();
		String id = me.get("id").asString();

		ApiClient admin = ApiClient.admin(port);
		assertThat(admin.get("/api/v1/users?limit=1000").text()).contains(email);
		var events = admin.get("/api/v1/audit?entity=user&id=" + id).json().get("items");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("action").asString()).isEqualTo("CREATED");
		assertThat(events.get(0).at("/changes/email/1").asString()).isEqualTo(email);
		assertThat(browser.post("/api/v1/teams", "{\"name\":\"" + unique("Team ") + "\"}", browser.csrfToken())
			.statusCode()).as("no team, no admin flag").isEqualTo(403);

		Browser again = new Browser(port);
		ISSUER.signsInNext(new Person(unique("sub-"), email.toUpperCase(), true, "New Person"), Spoil.NONE);
		signedIn(again.signInAtIssuer());
		assertThat(ApiClient.JSON.readTree(again.get("/api/v1/me").body()).get("id").asString())
			.as("the second sign-in finds the user the first created").isEqualTo(id);
	}

	@Test
	void aNewUsersNameIsNumberedWhenTaken() throws Exception {
		String username = unique("taken");
		assertThat(ApiClient.admin(port).post("/api/v1/users", Map.of("username", username, "name", "Someone else"))
			.status()).isEqualTo(201);
		ISSUER.signsInNext(new Person(unique("sub-"), username + "@example.com", null, "Newcomer"), Spoil.NONE);
		Browser browser = new Browser(port);
		signedIn(browser.signInAtIssuer());
		assertThat(ApiClient.JSON.readTree(browser.get("/api/v1/me").body()).get("username").asString())
			.isEqualTo(username + "-2");
	}

	@Test
	void aDeactivatedUserIsRefusedAndTheRefusalAudited() throws Exception {
		ApiClient admin = ApiClient.admin(port);
		String username = unique("gone");
		String email = username + "@example.com";
		var gone = admin.post("/api/v1/users", Map.of("username", username, "name", "Gone", "email", email));
		assertThat(admin.patch("/api/v1/users/" + gone.str("/id"), Map.of("active", false)).status()).isEqualTo(200);

		ISSUER.signsInNext(new Person(unique("sub-"), email, true, "Gone"), Spoil.NONE);
		Browser browser = new Browser(port);
		refused(browser.signInAtIssuer());
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
		var events = admin.get("/api/v1/audit?entity=sign_in&id=" + email).json().get("items");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("action").asString()).isEqualTo("FAILED");
		assertThat(events.get(0).at("/changes/reason/1").asString()).contains("deactivated");
	}

	@Test
	void anIdTokenSignedWithAnotherKeyIsRefused() throws Exception {
		ISSUER.signsInNext(new Person(unique("sub-"), unique("forged") + "@example.com", true, "Forged"),
				Spoil.FOREIGN_KEY);
		Browser browser = new Browser(port);
		refused(browser.signInAtIssuer());
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void anIdTokenWithAnotherNonceIsRefused() throws Exception {
		ISSUER.signsInNext(new Person(unique("sub-"), unique("replayed") + "@example.com", true, "Replayed"),
				Spoil.WRONG_NONCE);
		Browser browser = new Browser(port);
		refused(browser.signInAtIssuer());
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aCallbackWithAStateTandemDidNotIssueIsRefused() throws Exception {
		Browser browser = new Browser(port);
		refused(browser.get("/login/oauth2/code/oidc?code=stolen&state=made-up"));
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
		assertThat(ApiClient.admin(port).get("/api/v1/audit?entity=sign_in&id=(single%20sign-on)").text())
			.contains("authorization_request_not_found");
	}

	@Test
	void anIdTokenWithoutAVerifiedEmailIsRefused() throws Exception {
		String unverified = unique("unverified") + "@example.com";
		ISSUER.signsInNext(new Person(unique("sub-"), unverified, false, "Unverified"), Spoil.NONE);
		refused(new Browser(port).signInAtIssuer());
		ISSUER.signsInNext(new Person(unique("sub-"), null, null, "No email"), Spoil.NONE);
		refused(new Browser(port).signInAtIssuer());
		assertThat(ApiClient.admin(port).get("/api/v1/users?limit=1000").text()).doesNotContain(unverified);
	}

	@Test
	void theSignInPageOffersTheIssuerBesideTheFormWhichStillWorks() throws Exception {
		Browser browser = new Browser(port);
		assertThat(browser.get("/login").body()).contains("/oauth2/authorization/oidc", "Acme SSO")
			.contains("name=\"password\"");
		var form = browser.postForm("/login", "username=admin&password=open-sesame-test-run&_csrf=" + browser.csrfToken());
		assertThat(form.statusCode()).isEqualTo(302);
		assertThat(location(form).getPath()).isEqualTo("/");
		assertThat(browser.get("/api/v1/me").body()).contains("\"username\":\"admin\"");
	}

	@Test
	void anUnknownRegistrationLandsOnTheSignInPage() throws Exception {
		refused(new Browser(port).get("/oauth2/authorization/elsewhere"));
	}

	/** The same application without tandem.oidc.*: no single sign-on at all. */
	@Nested
	@NestedTestConfiguration(OVERRIDE)
	@TandemIntegrationTest
	class WithoutAnIssuer {

		@LocalServerPort
		int plainPort;

		@Test
		void thereIsNoSingleSignOn() throws Exception {
			Browser browser = new Browser(plainPort);
			var start = browser.get("/oauth2/authorization/oidc");
			assertThat(start.statusCode()).isEqualTo(302);
			assertThat(location(start).getPath()).as("to the sign-in page, not to an issuer").isEqualTo("/login");
			var callback = browser.get("/login/oauth2/code/oidc?code=any&state=any");
			assertThat(location(callback).getPath()).isEqualTo("/login");
			assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
			assertThat(browser.get("/login").body()).doesNotContain("oauth2");
		}
	}
}
