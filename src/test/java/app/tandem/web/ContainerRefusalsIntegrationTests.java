package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;

/**
 * Requests that Tomcat refuses before any filter or servlet (MockMvc never sees them, so these go over a socket):
 * an encoded slash, backslash or NUL in a path, an address or headers longer than a request's head may be. The
 * API answers each with problem+json in the input's terms (NEW-4 of the malformed-request corpus): 400, 414 for
 * the address, 431 for the headers. Tomcat answered an HTML page with 400 for all of them.
 */
@TandemIntegrationTest
class ContainerRefusalsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anEncodedSlashInAnIdIsAProblemAndReachesNoOtherResource() {
		var response = RawRequests.admin(port).send("GET", "/api/v1/objectives/x%2F..%2F..%2Fcycles", null, null);

		assertProblem(response, 400);
		assertThat(response.str("/detail")).contains("encoded slash (%2F)");
		assertThat(response.text()).doesNotContain("items");
	}

	@Test
	void aBackslashInAnIdIsAProblem() {
		var response = RawRequests.admin(port).send("GET", "/api/v1/cycles/%5C..%5C", null, null);

		assertProblem(response, 400);
		assertThat(response.str("/detail")).contains("backslash");
	}

	@Test
	void anEncodedNulInAnIdIsAProblem() {
		var response = RawRequests.admin(port).send("DELETE", "/api/v1/objectives/%00", null, null);

		assertProblem(response, 400);
		assertThat(response.str("/detail")).contains("NUL");
	}

	@Test
	void anAddressLongerThanTheHeadMayBeIs414() {
		var longPath = RawRequests.admin(port).send("GET", "/api/v1/cycles/" + "x".repeat(9_000), null, null);
		var longQuery = RawRequests.admin(port).send("GET", "/api/v1/objectives?cycleId=" + "x".repeat(10_000), null,
				null);

		for (var response : new ApiClient.Response[] { longPath, longQuery }) {
			assertProblem(response, 414);
			assertThat(response.str("/detail")).contains("address is too long").contains("8 KB");
			assertThat(response.text()).doesNotContain("xxxxxxxxxx");
		}
	}

	@Test
	void headersLargerThanTheHeadMayBeAre431() {
		var response = RawRequests.admin(port).send("GET", "/api/v1/cycles", null, null,
				Map.of("X-Padding", "y".repeat(9_000)));

		assertProblem(response, 431);
		assertThat(response.str("/detail")).contains("headers are too large");
	}

	@Test
	void aBrowserAskingForABadPageStillGetsAPage() {
		var response = RawRequests.anonymous(port).send("GET", "/okrs/objectives/%2F", null, null,
				Map.of("Accept", "text/html"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.text()).doesNotContain("Apache Tomcat");
	}

	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.text()).doesNotContainIgnoringCase("tomcat").doesNotContain("java.", "Exception");
	}
}
