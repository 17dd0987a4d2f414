package app.tandem.outbound;

import static app.tandem.outbound.HostileUrlCorpusTests.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls through the guard to real servers: an allowed one on 127.0.0.2 ({@code tandem.outbound.allowed-hosts} names
 * it) and the canary on 127.0.0.1, which nothing may reach. Each test asserts what arrived at each.
 */
class OutboundHttpTests {

	private LocalServer allowed;

	private LocalServer canary;

	private final AtomicInteger lookups = new AtomicInteger();

	@BeforeEach
	void startServers() throws IOException {
		allowed = LocalServer.on("127.0.0.2", 0);
		canary = LocalServer.on("127.0.0.1", 0);
	}

	@AfterEach
	void stopServers() {
		allowed.close();
		canary.close();
	}

	@Test
	void aRedirectToTheCanaryIsRefusedAndTheCanaryIsNeverContacted() {
		allowed.answering(exchange -> LocalServer.redirect(exchange, 302, canary.url("/secret").toString()));

		assertThatThrownBy(() -> http("127.0.0.2").send(OutboundRequest.get(allowed.url("/hook"))))
			.isInstanceOf(OutboundRefused.class)
			.hasMessage(allowed.url("/hook") + " is refused: it redirects to " + canary.url("/secret")
					+ ", which is refused: 127.0.0.1 is a loopback address; an admin may allow it with"
					+ " tandem.outbound.allowed-hosts");
		assertThat(allowed.paths()).containsExactly("/hook");
		assertThat(canary.arrivals()).isEmpty();
	}

	@Test
	void aRedirectToANameThatResolvesToTheCanaryIsRefused() {
		allowed.answering(exchange -> LocalServer.redirect(exchange, 307,
				"http://loopback.test:" + canary.port() + "/secret"));

		assertThatThrownBy(() -> http("127.0.0.2").send(OutboundRequest.get(allowed.url("/hook"))))
			.isInstanceOf(OutboundRefused.class)
			.hasMessageContaining("loopback.test resolves to 127.0.0.1, a loopback address");
		assertThat(canary.arrivals()).isEmpty();
	}

	@Test
	void aChainOfFourRedirectsIsRefusedAfterThree() {
		allowed.answering(chainTo(4));

		assertThatThrownBy(() -> http("127.0.0.2").send(OutboundRequest.get(allowed.url("/r0"))))
			.isInstanceOf(OutboundRefused.class)
			.hasMessage(allowed.url("/r0") + " is refused: it redirects more than 3 times");
		assertThat(allowed.paths()).containsExactly("/r0", "/r1", "/r2", "/r3");
	}

	@Test
	void threeRedirectsAreFollowed() {
		allowed.answering(chainTo(3));

		OutboundResponse response = http("127.0.0.2").send(OutboundRequest.get(allowed.url("/r0")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("end of /r3");
		assertThat(response.finalUrl()).isEqualTo(allowed.url("/r3"));
		assertThat(allowed.paths()).containsExactly("/r0", "/r1", "/r2", "/r3");
	}

	@Test
	void aRelativeRedirectIsFollowedAgainstTheUrlThatAnsweredIt() {
		allowed.answering(exchange -> {
			if (exchange.getRequestURI().getPath().equals("/hooks/start")) {
				LocalServer.redirect(exchange, 302, "next?step=2");
			}
			else {
				LocalServer.text(exchange, 200, "answered " + exchange.getRequestURI());
			}
		});

		OutboundResponse response = http("127.0.0.2").send(OutboundRequest.get(allowed.url("/hooks/start")));

		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("answered /hooks/next?step=2");
		assertThat(response.finalUrl()).isEqualTo(allowed.url("/hooks/next?step=2"));
		assertThat(allowed.paths()).containsExactly("/hooks/start", "/hooks/next?step=2");
		assertThat(canary.arrivals()).isEmpty();
	}

	@Test
	void a302TurnsAPostIntoAGetWithoutBody() {
		allowed.answering(redirectOnce(302));

		http("127.0.0.2").send(OutboundRequest.post(allowed.url("/first"), "application/json", json("{\"a\":1}")));

		List<LocalServer.Arrival> arrivals = allowed.arrivals();
		assertThat(arrivals).extracting(LocalServer.Arrival::method).containsExactly("POST", "GET");
		assertThat(arrivals.get(1).body()).isEmpty();
		assertThat(arrivals.get(1).header("Content-Type")).isNull();
	}

	@Test
	void a307KeepsMethodBodyAndHeaders() {
		allowed.answering(redirectOnce(307));

		http("127.0.0.2").send(OutboundRequest.post(allowed.url("/first"), "application/json", json("{\"a\":1}"))
			.withHeader("X-Tandem-Signature", "sha256=abc"));

		List<LocalServer.Arrival> arrivals = allowed.arrivals();
		assertThat(arrivals).extracting(LocalServer.Arrival::method).containsExactly("POST", "POST");
		assertThat(arrivals.get(1).body()).isEqualTo(json("{\"a\":1}"));
		assertThat(arrivals.get(1).header("Content-Type")).isEqualTo("application/json");
		assertThat(arrivals.get(1).header("X-Tandem-Signature")).isEqualTo("sha256=abc");
	}

	@Test
	void aPostArrivesWithItsBodyAndHeadersIntact() {
		allowed.answering(exchange -> LocalServer.text(exchange, 201, "created"));
		byte[] body = json("{\"objective\":\"Grow revenue\",\"progress\":0.42,\"note\":\"caf\u00e9 \u2713\"}");

		OutboundResponse response = http("127.0.0.2").send(OutboundRequest
			.post(allowed.url("/hook?team=7"), "application/json; charset=utf-8", body)
			.withHeader("X-Tandem-Event", "check-in.recorded"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("content-length")).isEqualTo("7");
		LocalServer.Arrival arrival = allowed.arrivals().get(0);
		assertThat(arrival.method()).isEqualTo("POST");
		assertThat(arrival.path()).isEqualTo("/hook?team=7");
		assertThat(arrival.body()).isEqualTo(body);
		assertThat(arrival.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
		assertThat(arrival.header("X-Tandem-Event")).isEqualTo("check-in.recorded");
		assertThat(arrival.header("User-Agent")).isEqualTo("Tandem");
	}

	@Test
	void aCidrRangeAllowsTheServersItCovers() {
		OutboundResponse response = http("127.0.0.0/30").send(OutboundRequest.get(allowed.url("/in-range")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(allowed.paths()).containsExactly("/in-range");
	}

	@Test
	void aCidrRangeDoesNotAllowTheServersOutsideIt() {
		assertThatThrownBy(() -> http("127.0.0.0/31").send(OutboundRequest.get(allowed.url("/out-of-range"))))
			.isInstanceOf(OutboundRefused.class)
			.hasMessageContaining("127.0.0.2 is a loopback address");
		assertThat(allowed.arrivals()).isEmpty();
	}

	@Test
	void aHostNameAllowsItsAddressesThroughThatNameOnly() {
		OutboundHttp http = http("intranet.test");

		OutboundResponse response = http
			.send(OutboundRequest.get(URI.create("http://intranet.test:" + allowed.port() + "/chat")));
		assertThatThrownBy(
				() -> http.send(OutboundRequest.get(URI.create("http://other.test:" + allowed.port() + "/chat"))))
			.isInstanceOf(OutboundRefused.class)
			.hasMessageContaining("other.test resolves to 127.0.0.2, a loopback address");

		assertThat(response.status()).isEqualTo(200);
		assertThat(allowed.arrivals()).extracting(arrival -> arrival.header("Host"))
			.containsExactly("intranet.test:" + allowed.port());
	}

	@Test
	void theBodyIsCutAtTheCapAndTheAnswerSaysSo() {
		allowed.answering(exchange -> LocalServer.bytes(exchange, 200, new byte[10_000]));

		OutboundResponse cut = http("127.0.0.2").send(OutboundRequest.get(allowed.url("/big")).withMaxBodyBytes(1000));
		OutboundResponse whole = http("127.0.0.2")
			.send(OutboundRequest.get(allowed.url("/big")).withMaxBodyBytes(10_000));

		assertThat(cut.body()).hasSize(1000);
		assertThat(cut.truncated()).isTrue();
		assertThat(whole.body()).hasSize(10_000);
		assertThat(whole.truncated()).isFalse();
	}

	/** Read to its end to reuse the connection, an endless body would hold the call until the timeout. */
	@Test
	void anEndlessBodyIsCutAtTheCapWithoutReadingOn() {
		allowed.answering(exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				while (true) {
					out.write(new byte[1024]);
				}
			}
		});

		OutboundResponse response = http("127.0.0.2").send(OutboundRequest.get(allowed.url("/endless"))
			.withMaxBodyBytes(4096)
			.withTimeout(Duration.ofSeconds(30)));

		assertThat(response.body()).hasSize(4096);
		assertThat(response.truncated()).isTrue();
	}

	@Test
	void aServerThatDoesNotAnswerInTimeFailsTheCallAtTheTimeout() {
		allowed.answering(exchange -> {
			Thread.sleep(3000);
			LocalServer.text(exchange, 200, "too late");
		});
		long start = System.nanoTime();

		assertThatThrownBy(() -> http("127.0.0.2")
			.send(OutboundRequest.get(allowed.url("/slow")).withTimeout(Duration.ofMillis(500))))
			.isInstanceOf(OutboundFailed.class)
			.hasMessage("127.0.0.2:" + allowed.port() + " did not answer within 500 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(allowed.paths()).containsExactly("/slow");
	}

	/** A socket timeout alone would not end this: every byte comes well within it. */
	@Test
	void aServerThatTricklesItsBodyIsCutOffAtTheTimeout() {
		allowed.answering(exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 30; i++) {
					out.write('x');
					out.flush();
					Thread.sleep(100);
				}
			}
		});
		long start = System.nanoTime();

		assertThatThrownBy(() -> http("127.0.0.2")
			.send(OutboundRequest.get(allowed.url("/trickle")).withTimeout(Duration.ofMillis(500))))
			.isInstanceOf(OutboundFailed.class)
			.hasMessage("127.0.0.2:" + allowed.port() + " did not answer within 500 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void aClosedPortFailsWithTheHostNamed() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
			closed = socket.getLocalPort();
		}

		assertThatThrownBy(() -> http("127.0.0.2")
			.send(OutboundRequest.get(URI.create("http://127.0.0.2:" + closed + "/"))))
			.isInstanceOf(OutboundFailed.class)
			.hasMessage("127.0.0.2:" + closed + " refused the connection");
	}

	@Test
	void aNameThatDoesNotResolveFailsWhenSendingAndIsRefusedWhenChecked() {
		OutboundGuard guard = guard("127.0.0.2");

		assertThatThrownBy(() -> new OutboundHttp(guard).send(OutboundRequest.get(URI.create("http://gone.test/"))))
			.isInstanceOf(OutboundFailed.class)
			.hasMessage("gone.test could not be resolved to an address");
		assertThatThrownBy(() -> guard.check("http://gone.test/")).isInstanceOf(OutboundRefused.class)
			.hasMessage("http://gone.test/ is refused: gone.test does not resolve to an address");
	}

	/**
	 * A name that resolves to the allowed server when checked and to the canary afterwards (DNS rebinding): the
	 * connection goes to the address that was checked, and the name is looked up once. The canary listens on the
	 * allowed server's port, so a second lookup would reach it.
	 */
	@Test
	void theConnectionGoesToTheAddressThatWasChecked() throws IOException {
		try (LocalServer rebound = LocalServer.on("127.0.0.1", allowed.port())) {
			OutboundHttp http = new OutboundHttp(new OutboundGuard(AllowedHosts.of(List.of("127.0.0.2")),
					name -> List.of(address(lookups.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1"))));

			OutboundResponse response = http
				.send(OutboundRequest.get(URI.create("http://rebinding.test:" + allowed.port() + "/pinned")));

			assertThat(response.status()).isEqualTo(200);
			assertThat(allowed.paths()).containsExactly("/pinned");
			assertThat(allowed.arrivals().get(0).header("Host")).isEqualTo("rebinding.test:" + allowed.port());
			assertThat(rebound.arrivals()).isEmpty();
			assertThat(lookups).hasValue(1);
		}
	}

	/** Each hop is looked up and checked again: a redirect to the same name, now resolving inward, is refused. */
	@Test
	void aRedirectIsLookedUpAndCheckedAgain() throws IOException {
		try (LocalServer rebound = LocalServer.on("127.0.0.1", allowed.port())) {
			allowed.answering(exchange -> LocalServer.redirect(exchange, 302, "/second"));
			OutboundHttp http = new OutboundHttp(new OutboundGuard(AllowedHosts.of(List.of("127.0.0.2")),
					name -> List.of(address(lookups.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1"))));

			assertThatThrownBy(() -> http
				.send(OutboundRequest.get(URI.create("http://rebinding.test:" + allowed.port() + "/first"))))
				.isInstanceOf(OutboundRefused.class)
				.hasMessageContaining("it redirects to http://rebinding.test:" + allowed.port()
						+ "/second, which is refused: rebinding.test resolves to 127.0.0.1, a loopback address");
			assertThat(allowed.paths()).containsExactly("/first");
			assertThat(rebound.arrivals()).isEmpty();
			assertThat(lookups).hasValue(2);
		}
	}

	private OutboundHttp http(String... allowedHosts) {
		return new OutboundHttp(guard(allowedHosts));
	}

	private OutboundGuard guard(String... allowedHosts) {
		return new OutboundGuard(AllowedHosts.of(List.of(allowedHosts)), this::resolve);
	}

	private List<InetAddress> resolve(String name) throws UnknownHostException {
		lookups.incrementAndGet();
		Map<String, String> names = Map.of("intranet.test", "127.0.0.2", "other.test", "127.0.0.2", "loopback.test",
				"127.0.0.1");
		if (!names.containsKey(name)) {
			throw new UnknownHostException(name);
		}
		return List.of(address(names.get(name)));
	}

	/** /r0 redirects to /r1 and so on, /r{last} answers. */
	private static LocalServer.Answer chainTo(int last) {
		return exchange -> {
			int step = Integer.parseInt(exchange.getRequestURI().getPath().substring(2));
			if (step < last) {
				LocalServer.redirect(exchange, 302, "/r" + (step + 1));
			}
			else {
				LocalServer.text(exchange, 200, "end of /r" + step);
			}
		};
	}

	private static LocalServer.Answer redirectOnce(int status) {
		return exchange -> {
			if (exchange.getRequestURI().getPath().equals("/first")) {
				LocalServer.redirect(exchange, status, "/second");
			}
			else {
				LocalServer.text(exchange, 200, "second");
			}
		};
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
