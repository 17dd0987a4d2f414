package app.tandem.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every URL of {@code outbound/hostile-urls.txt} is refused, for the reason the file names, before anything is
 * contacted: a canary server on 127.0.0.1 counts what reaches it and must count nothing.
 */
class HostileUrlCorpusTests {

	/** The corpus's names and what they resolve to; any other name asked for is a test failure. */
	static final Map<String, List<InetAddress>> NAMES = Map.of("private.test", List.of(address("10.0.0.5")),
			"loopback.test", List.of(address("127.0.0.1")), "mixed.test",
			List.of(address("93.184.216.34"), address("127.0.0.1")), "mapped.test",
			List.of(mapped("127.0.0.1")), "metadata-alias.test", List.of(address("169.254.169.254")), "nat64.test",
			List.of(address("64:ff9b::a9fe:a9fe")), "v6.test", List.of(address("::1")));

	record Hostile(String url, String expected) {
	}

	private LocalServer canary;

	private final List<String> unknownNames = new ArrayList<>();

	@BeforeEach
	void startCanary() throws IOException {
		canary = LocalServer.on("127.0.0.1", 0);
	}

	@AfterEach
	void stopCanary() {
		canary.close();
	}

	@Test
	void everyHostileUrlIsRefusedForItsReasonAndTheCanaryHearsNothing() throws IOException {
		OutboundGuard guard = new OutboundGuard(AllowedHosts.none(), this::resolve);
		OutboundHttp http = new OutboundHttp(guard);
		SoftAssertions softly = new SoftAssertions();
		for (Hostile hostile : corpus()) {
			Throwable checked = catchThrowable(() -> guard.check(hostile.url()));
			expectRefusal(softly, hostile, checked, "check");
			URI uri = uriOrNull(hostile.url());
			if (uri != null) {
				Throwable sent = catchThrowable(() -> http.send(OutboundRequest.get(uri)));
				expectRefusal(softly, hostile, sent, "send");
				Throwable posted = catchThrowable(
						() -> http.send(OutboundRequest.post(uri, "application/json", "{}".getBytes())));
				expectRefusal(softly, hostile, posted, "post");
			}
		}
		softly.assertThat(unknownNames).as("names the corpus should not resolve").isEmpty();
		softly.assertAll();
		assertThat(canary.arrivals()).as("requests that reached the canary").isEmpty();
	}

	/** The canary does count: allowed, it is reached (so the test above can fail). */
	@Test
	void theCanaryCountsWhatReachesIt() {
		OutboundGuard guard = new OutboundGuard(AllowedHosts.of(List.of("127.0.0.1")), this::resolve);

		OutboundResponse response = new OutboundHttp(guard).send(OutboundRequest.get(canary.url("/hello")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(canary.paths()).containsExactly("/hello");
	}

	@Test
	void theCorpusHasAtLeastFiftyUrlsWithTheLoopbackSpellingsTheIssueNames() throws IOException {
		List<String> urls = corpus().stream().map(Hostile::url).toList();

		assertThat(urls).hasSizeGreaterThanOrEqualTo(50);
		String port = ":" + canary.port();
		assertThat(urls).contains("http://127.0.0.1" + port + "/", "http://localhost" + port + "/",
				"http://127.0.0.2" + port + "/", "http://[::1]" + port + "/", "http://[::ffff:127.0.0.1]" + port + "/",
				"http://[::ffff:7f00:1]" + port + "/", "http://[0:0:0:0:0:ffff:127.0.0.1]" + port + "/",
				"http://2130706433" + port + "/", "http://0x7f000001" + port + "/", "http://0177.0.0.1" + port + "/",
				"http://127.1" + port + "/", "http://0.0.0.0" + port + "/", "http://[::]" + port + "/");
	}

	private void expectRefusal(SoftAssertions softly, Hostile hostile, Throwable thrown, String how) {
		String what = how + " " + hostile.url();
		softly.assertThat(thrown).as(what).isInstanceOf(OutboundRefused.class);
		if (!(thrown instanceof OutboundRefused refused)) {
			return;
		}
		softly.assertThat(refused.getMessage()).as(what)
			.startsWith(OutboundGuard.shown(hostile.url()) + " is refused: ")
			.doesNotContain("\n", "Exception", "java.", "\tat ");
		softly.assertThat(refused.reason()).as(what).containsIgnoringCase(hostile.expected());
		softly.assertThat(refused.getMessage()).as(what).doesNotContain("user:pass", "evil@");
	}

	private List<InetAddress> resolve(String name) throws UnknownHostException {
		List<InetAddress> addresses = NAMES.get(name);
		if (addresses == null) {
			unknownNames.add(name);
			throw new UnknownHostException(name);
		}
		return addresses;
	}

	private List<Hostile> corpus() throws IOException {
		List<Hostile> corpus = new ArrayList<>();
		try (InputStream in = getClass().getResourceAsStream("/outbound/hostile-urls.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				String[] parts = text.split("\\s+", 2);
				assertThat(parts).as("a URL and its reason: " + text).hasSize(2);
				corpus.add(new Hostile(parts[0].replace("{port}", String.valueOf(canary.port())), parts[1]));
			}
		}
		return corpus;
	}

	private static URI uriOrNull(String url) {
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** An Inet6Address holding ::ffff:a.b.c.d, which Java's parser would have turned into the IPv4 address. */
	private static InetAddress mapped(String ipv4) {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xff;
		bytes[11] = (byte) 0xff;
		System.arraycopy(address(ipv4).getAddress(), 0, bytes, 12, 4);
		try {
			return Inet6Address.getByAddress(null, bytes, -1);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}
}
