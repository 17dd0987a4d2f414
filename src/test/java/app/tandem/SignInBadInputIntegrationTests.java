package app.tandem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to every way of signing in answers 4xx (never 500) and, where it is an attempt to sign
 * in, leaves a failed sign-in in the audit trail; input too large for the server is refused before
 * it reaches Tandem, so it changes and records nothing.
 */
@TandemIntegrationTest
class SignInBadInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private long failures() {
		return jdbc.queryForObject("select count(*) from audit_event where entity = 'sign_in' and action = 'FAILED'",
				Long.class);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private static String basic(String text) {
		return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void badCredentialsOnTheApiAre401AndAuditedAsFailedSignIns() throws Exception {
		String[] attempts = { basic("admin:wrong password"), basic("nobody-at-all:whatever"), "Basic !!!not base64",
				basic("no colon at all"), basic(":"), basic("admin:"), basic("x".repeat(300) + ":long name"),
				basic("ünïcødé:pässwörd"), "Bearer", "Bearer tdm_", "Bearer tdm_nope", "Bearer " + "z".repeat(2_000),
				"Bearer not-even-our-prefix", "Bearer tdm_\u00e9\u00e9", "Basic", "basic " + basic("a:b").substring(6) };
		List<String> wrong = new ArrayList<>();
		for (String header : attempts) {
			long before = failures();
			var answer = send(api("/api/v1/me").header("Authorization", header));
			boolean problem = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
			if (answer.statusCode() != 401 || !problem || failures() != before + 1) {
				wrong.add("%s → %d %s, %d failures audited".formatted(header.length() > 60 ? header.substring(0, 60) : header,
						answer.statusCode(), problem ? "problem" : "no problem document", failures() - before));
			}
		}
		assertThat(wrong).as("each a 401 problem and one failed sign-in in the audit trail").isEmpty();
	}

	@Test
	void otherSchemesAndEmptyHeadersAreAnsweredAsNoCredentials() throws Exception {
		for (String header : new String[] { "Negotiate abc", "Digest username=x", "", "   " }) {
			var answer = send(api("/api/v1/me").header("Authorization", header));
			assertThat(answer.statusCode()).as("'" + header + "'").isEqualTo(401);
		}
	}

	@Test
	void headersTooLargeForTheServerAre4xxAndReachNothing() throws Exception {
		long before = failures();
		for (String name : new String[] { "Authorization", "Cookie", "X-Request-Id", "If-Match" }) {
			var answer = send(api("/api/v1/me").header(name, (name.equals("Authorization") ? "Basic " : "")
					+ "A".repeat(64 * 1024)));
			assertThat(answer.statusCode()).as(name).isBetween(400, 499);
		}
		assertThat(failures()).isEqualTo(before);
	}

	@Test
	void badFormSignInsGoBackToTheFormAndAreAudited() throws Exception {
		var cookies = new java.net.CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		String page = browser.send(api("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).isTrue();
		String csrf = "_csrf=" + matcher.group(1);
		String[] forms = { "username=admin&password=wrong", "username=&password=", "password=only", "username=admin",
				"username=" + "x".repeat(5_000) + "&password=y", "username=%ZZ&password=%" };
		for (String form : forms) {
			long before = failures();
			var answer = browser.send(api("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form + "&" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(form.length() > 60 ? form.substring(0, 60) : form).isBetween(300, 499);
			if (answer.statusCode() == 302) {
				assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
				assertThat(failures()).as("audited: " + (form.length() > 60 ? form.substring(0, 60) : form))
					.isEqualTo(before + 1);
			}
		}
	}

	@Test
	void aForgedOrGarbledSessionCookieIsNoSession() throws Exception {
		for (String cookie : new String[] { "TANDEM_SESSION=forged", "TANDEM_SESSION=", "TANDEM_SESSION=%%%",
				"TANDEM_SESSION=" + Base64.getEncoder().encodeToString("00000000-0000-0000-0000-000000000000".getBytes()) }) {
			var answer = send(api("/api/v1/me").header("Cookie", cookie));
			assertThat(answer.statusCode()).as(cookie).isEqualTo(401);
			var write = send(api("/api/v1/teams").header("Cookie", cookie).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\"}")));
			assertThat(write.statusCode()).as(cookie).isBetween(401, 403);
		}
	}
}
