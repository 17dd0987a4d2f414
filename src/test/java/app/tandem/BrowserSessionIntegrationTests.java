package app.tandem;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser signs in with the form, gets a session kept in the database, uses it on the API, needs
 * the CSRF token for anything that changes state, and signs out.
 */
@TandemIntegrationTest
class BrowserSessionIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private HttpResponse<String> send(String method, String path, String body, String contentType, String csrf)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String csrfToken() throws IOException, InterruptedException {
		Matcher matcher = CSRF.matcher(send("GET", "/login", null, null, null).body());
		assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> signIn(String user, String password, String csrf) throws IOException, InterruptedException {
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + (csrf == null ? "" : "&_csrf=" + csrf);
		return send("POST", "/login", form, "application/x-www-form-urlencoded", null);
	}

	@Test
	void aSignedInBrowserUsesTheApiWithItsSessionAndTheCsrfToken() throws Exception {
		assertThat(signIn("admin", "open-sesame-test-run", null).statusCode()).as("a form post without CSRF")
			.isEqualTo(403);
		var signedIn = signIn("admin", "open-sesame-test-run", csrfToken());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("TANDEM_SESSION="))
			.findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'admin'", Long.class))
			.as("the session is in the database").isPositive();

		var me = send("GET", "/api/v1/me", null, null, null);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"admin\"");

		String team = "{\"name\":\"Browser " + System.nanoTime() + "\"}";
		assertThat(send("POST", "/api/v1/teams", team, "application/json", null).statusCode())
			.as("a change without the CSRF token").isEqualTo(403);
		assertThat(send("POST", "/api/v1/teams", team, "application/json", csrfToken()).statusCode()).isEqualTo(201);

		assertThat(send("POST", "/logout", "", "application/x-www-form-urlencoded", null).statusCode())
			.as("signing out needs the token too").isEqualTo(403);
		assertThat(send("POST", "/logout", "_csrf=" + csrfToken(), "application/x-www-form-urlencoded", null).statusCode())
			.isEqualTo(302);
		assertThat(send("GET", "/api/v1/me", null, null, null).statusCode()).as("signed out").isEqualTo(401);
	}

	@Test
	void aWrongPasswordOnTheFormIsAFailedSignIn() throws Exception {
		var wrong = signIn("admin", "not the password", csrfToken());
		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(send("GET", "/api/v1/me", null, null, null).statusCode()).isEqualTo(401);
		assertThat(ApiClient.admin(port).get("/api/v1/audit?entity=sign_in&id=admin").text()).contains("FAILED");
	}
}
