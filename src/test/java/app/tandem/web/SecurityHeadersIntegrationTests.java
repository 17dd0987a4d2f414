package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * Every answer carries the Content-Security-Policy (no inline script or style on Tandem's pages), the
 * Referrer-Policy and the Permissions-Policy: pages, the API, static files, refusals and errors, signed in or not.
 * And the pages hold nothing that policy would refuse.
 */
@TandemIntegrationTest
class SecurityHeadersIntegrationTests {

	private static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:open-sesame-test-run".getBytes(StandardCharsets.UTF_8));

	/** Inline script, inline handlers, javascript: links and inline styles: all refused by the policy. */
	private static final Pattern INLINE = Pattern.compile(
			"<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\bhx-on|javascript:|\\sstyle\\s*=|<style",
			Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyKindOfAnswerCarriesThePolicies() {
		List<HttpResponse<String>> answers = List.of(send("GET", "/login", null, null, null),
				send("GET", "/", null, null, null), // signed out: the redirect to the sign-in page
				send("GET", "/okrs", ADMIN, null, null),
				send("GET", "/css/tandem.css", null, null, null),
				send("GET", "/webjars/htmx.org/dist/htmx.min.js", null, null, null),
				send("GET", "/api/v1/me", ADMIN, null, null),
				send("GET", "/api/v1/me", null, null, null), // 401
				send("GET", "/api/v1/objectives?limit=0", ADMIN, null, null), // 400
				send("POST", "/api/v1/cycles", ADMIN, "*/*", "{}"), // 415
				send("POST", "/api/v1/cycles", ADMIN, "application/json", "x".repeat(1_100_000)), // 413
				send("GET", "/api/v1/nowhere", ADMIN, null, null), // 404 from the error page
				send("GET", "/error", null, null, null),
				send("GET", "/v3/api-docs", null, null, null),
				send("GET", "/actuator/health", null, null, null));

		for (HttpResponse<String> answer : answers) {
			HttpHeaders headers = answer.headers();
			String what = answer.request().method() + " " + answer.request().uri().getPath() + " " + answer.statusCode();
			assertThat(headers.firstValue("Content-Security-Policy")).as(what)
				.hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
						+ "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
						+ "frame-ancestors 'none'");
			assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
			assertThat(headers.firstValue("Permissions-Policy")).as(what).get().asString()
				.contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
		}
		assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 302, 400, 401, 404, 413, 415);
	}

	@Test
	void swaggerUiAllowsItsOwnStylesButNoInlineScript() {
		var page = send("GET", "/swagger-ui/index.html", null, null, null);

		assertThat(page.statusCode()).isEqualTo(200);
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("script-src 'self';", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
				"frame-ancestors 'none'");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	@Test
	void pagesHoldNoInlineScriptHandlerOrStyle() {
		ApiClient admin = ApiClient.admin(port);
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Headers " + System.nanoTime(), "startDate",
				"2026-01-01", "endDate", "2026-12-31")).str("/id");
		String objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Keep pages strict",
				"level", "COMPANY", "keyResults", List.of(Map.of("title", "No inline style", "type", "INCREASE",
						"startValue", 0, "targetValue", 10)))).str("/id");
		PageSession session = PageSession.signedIn(port, "admin", "open-sesame-test-run");

		for (String path : List.of("/", "/okrs?cycleId=" + cycle, "/okrs/objectives/" + objective, "/alignment?cycleId="
				+ cycle, "/kpis", "/scorecard", "/coach", "/health", "/cycles", "/tokens", "/admin/users", "/admin/teams",
				"/admin/audit", "/library/kpis", "/wins", "/okrs/new", "/error")) {
			String page = session.get(path).body();
			assertThat(INLINE.matcher(page).find()).as(path + ": " + match(page)).isFalse();
		}
		String login = PageSession.anonymous(port).get("/login").body();
		assertThat(INLINE.matcher(login).find()).as("/login: " + match(login)).isFalse();
	}

	private static String match(String page) {
		var m = INLINE.matcher(page);
		return m.find() ? page.substring(Math.max(0, m.start() - 60), Math.min(page.length(), m.end() + 60)) : "";
	}

	private HttpResponse<String> send(String method, String path, String authorization, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
