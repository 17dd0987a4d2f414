package app.tandem.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a call carries, and what a redirect keeps of it. */
class OutboundRequestTests {

	private static final URI HOOK = URI.create("https://hooks.example.com/in");

	private final OutboundRequest post = OutboundRequest.post(HOOK, "application/json", "{}".getBytes())
		.withHeader("Authorization", "Bearer t")
		.withHeader("X-Signature", "s");

	@Test
	void theHelpersGiveTheDefaults() {
		OutboundRequest get = OutboundRequest.get(HOOK);

		assertThat(get.method()).isEqualTo("GET");
		assertThat(get.body()).isEmpty();
		assertThat(get.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(get.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(get.maxBodyBytes()).isEqualTo(1024 * 1024);
		assertThat(post.headers()).containsEntry("Content-Type", "application/json");
	}

	@Test
	void aRedirectToAnotherOriginDropsTheCredentialsButKeepsTheRest() {
		OutboundRequest next = post.redirectedTo(URI.create("https://other.example.com/in"), 307);

		assertThat(next.method()).isEqualTo("POST");
		assertThat(next.body()).isEqualTo("{}".getBytes());
		assertThat(next.headers()).containsOnlyKeys("Content-Type", "X-Signature");
	}

	@Test
	void aRedirectOnTheSameOriginKeepsTheCredentials() {
		OutboundRequest next = post.redirectedTo(URI.create("https://hooks.example.com/v2/in"), 308);

		assertThat(next.headers()).containsKeys("Authorization", "Content-Type", "X-Signature");
	}

	@Test
	void a303TurnsAnyMethodButHeadIntoAGetWithoutBody() {
		OutboundRequest put = new OutboundRequest("PUT", HOOK, Map.of("Content-Type", "text/plain"), "x".getBytes(),
				Duration.ofSeconds(1), Duration.ofSeconds(1), 10);

		assertThat(put.redirectedTo(HOOK, 303).method()).isEqualTo("GET");
		assertThat(put.redirectedTo(HOOK, 303).body()).isEmpty();
		assertThat(put.redirectedTo(HOOK, 303).headers()).isEmpty();
		assertThat(put.redirectedTo(HOOK, 301).method()).isEqualTo("PUT");
		assertThat(put.redirectedTo(HOOK, 302).body()).isEqualTo("x".getBytes());
		assertThat(OutboundRequest.get(HOOK).redirectedTo(HOOK, 303).method()).isEqualTo("GET");
	}

	@Test
	void headersTheClientSetsOrThatBreakLinesAreRefused() {
		assertThatThrownBy(() -> OutboundRequest.get(HOOK).withHeader("Host", "intranet"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboundRequest.get(HOOK).withHeader("transfer-encoding", "chunked"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboundRequest.get(HOOK).withHeader("X-A", "b\r\nHost: intranet"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboundRequest.get(HOOK).withHeader("X A", "b"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theBodyCannotBeChangedFromOutside() {
		byte[] body = "{}".getBytes();
		OutboundRequest request = OutboundRequest.post(HOOK, "application/json", body);

		body[0] = 'x';
		request.body()[1] = 'y';

		assertThat(request.body()).isEqualTo("{}".getBytes());
	}
}
