package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * The container's error page, {@code /error}, asked for directly is a page that does not exist: 404 for API
 * clients (problem+json) and for browsers (the error page), signed in or not. It used to answer 500.
 */
@TandemIntegrationTest
class ErrorPathIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anApiClientAskingForErrorFindsNothing() {
		for (RawRequests client : new RawRequests[] { RawRequests.admin(port), RawRequests.anonymous(port) }) {
			var response = client.send("GET", "/error", null, null, Map.of("Accept", "application/json"));

			assertThat(response.status()).as(response.text()).isEqualTo(404);
			assertThat(response.isProblem()).as(response.contentType()).isTrue();
			assertThat(response.json().get("status").asInt()).isEqualTo(404);
		}
	}

	@Test
	void aBrowserAskingForErrorGetsTheNotFoundPage() {
		var anonymous = PageSession.anonymous(port).get("/error", Map.of("Accept", "text/html"));
		var signedIn = PageSession.signedIn(port, "admin", "open-sesame-test-run").get("/error",
				Map.of("Accept", "text/html"));

		for (var page : java.util.List.of(anonymous, signedIn)) {
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).contains("Nothing here");
		}
	}

	@Test
	void anUnknownApiPathIsProblemJsonToo() {
		var response = ApiClient.admin(port).get("/api/v1/no-such-thing");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
	}
}
