package app.tandem.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.corpus.Probe.Caller;
import app.tandem.corpus.Probe.Expect;

/**
 * Sends the probes one after the other and checks each answer; the database's fingerprint is taken before and
 * after every write that may be accepted, and after each run of reads and expected refusals between them, so a
 * change is pinned on the request, or the run of requests that must not change anything, that made it.
 */
final class Runner {

	/** An answer, kept short. */
	record Outcome(Probe probe, int status, String excerpt, long millis) {
	}

	record Finding(Check check, Probe probe, int status, String excerpt, String note) {
	}

	/** {@code -Dtandem.corpus.fingerprint=each}: a fingerprint after every write, to pin a change on one request. */
	private static final boolean EACH = "each".equals(System.getProperty("tandem.corpus.fingerprint"));

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?::([^}]*))?}");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private final Fixture fixture;

	private final Fingerprint fingerprint;

	/** Internal names the corpus itself sends (a YAML tag names a Java class): not a leak when echoed. */
	private final Set<String> sent;

	final List<Outcome> outcomes = new ArrayList<>();

	final List<Finding> findings = new ArrayList<>();

	long fixtureSeconds;

	long setUpSeconds;

	/** The CPU time this JVM (the application and the corpus) spent on the whole test. */
	long cpuSeconds;

	long fingerprintNanos;

	int fingerprints;

	Runner(int port, Fixture fixture, Fingerprint fingerprint, List<Probe> probes) {
		this.base = "http://localhost:" + port;
		this.fixture = fixture;
		this.fingerprint = fingerprint;
		this.sent = new java.util.HashSet<>();
		for (Probe p : probes) {
			sent.addAll(Check.internals(p.path() + " " + (p.body() == null ? "" : p.body())));
		}
	}

	/** The fingerprints before and after the whole run: they must differ (the accepted requests stored things). */
	Map<String, String> first;

	Map<String, String> end;

	void run(List<Probe> probes) {
		Map<String, String> last = take();
		first = last;
		// Reads and writes expected to be refused since the last fingerprint: none may store anything, so one
		// fingerprint checks the whole run; a write that may be accepted is fingerprinted before and after.
		List<Probe> run = new ArrayList<>();
		for (Probe probe : probes) {
			boolean alone = probe.writes() && (EACH || probe.expect() == Probe.Expect.ANY);
			if (alone && !run.isEmpty()) {
				last = closeRun(run, last);
			}
			Outcome outcome = send(probe);
			outcomes.add(outcome);
			if (alone) {
				Map<String, String> now = take();
				String difference = Fingerprint.difference(last, now);
				if (outcome.status() >= 400 && !difference.isEmpty()) {
					findings.add(new Finding(Check.STORED_ON_REFUSAL, probe, outcome.status(), outcome.excerpt(), difference));
				}
				last = now;
			}
			else if (probe.writes() && outcome.status() < 400) {
				// an expected refusal accepted is a finding of its own (ACCEPTED_INVALID): what it stored is not
				// blamed on the run before it, which starts again from here
				run.clear();
				last = take();
			}
			else {
				run.add(probe);
			}
		}
		if (!run.isEmpty()) {
			last = closeRun(run, last);
		}
		end = last;
	}

	/** The fingerprint after a run of requests that must not store anything; a finding if one did. */
	private Map<String, String> closeRun(List<Probe> run, Map<String, String> last) {
		Map<String, String> now = take();
		String difference = Fingerprint.difference(last, now);
		if (!difference.isEmpty()) {
			Probe first = run.get(0);
			boolean writes = run.stream().anyMatch(Probe::writes);
			findings.add(new Finding(writes ? Check.STORED_ON_REFUSAL : Check.READ_STORED, first, 0, "",
					difference + (run.size() > 1 ? " (one of " + run.size() + " requests from " + first.id() + " to "
							+ run.get(run.size() - 1).id() + "; -Dtandem.corpus.fingerprint=each pins it)" : "")));
		}
		run.clear();
		return now;
	}

	private Map<String, String> take() {
		long start = System.nanoTime();
		Map<String, String> taken = fingerprint.take();
		fingerprintNanos += System.nanoTime() - start;
		fingerprints++;
		return taken;
	}

	private Outcome send(Probe probe) {
		String path = resolve(probe.path(), probe);
		HttpRequest.Builder request;
		try {
			byte[] body = probe.raw() != null ? resolveBytes(probe.raw(), probe)
					: probe.body() == null ? null : resolve(probe.body(), probe).getBytes(StandardCharsets.UTF_8);
			request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.method(probe.method(), body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(body));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(probe.id() + " cannot be sent: " + e.getMessage(), e);
		}
		boolean authorization = false;
		for (var header : probe.headers().entrySet()) {
			String value = header.getValue().contains("${etag}")
					? header.getValue().replace("${etag}", etag(resolve(probe.etagFrom(), probe)))
					: resolve(header.getValue(), probe);
			request.header(header.getKey(), value);
			authorization |= header.getKey().equalsIgnoreCase("Authorization");
		}
		if (!authorization && probe.caller() != Caller.ANONYMOUS) {
			request.header("Authorization", "Bearer " + fixture.tokens.get(probe.caller()));
		}
		long start = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = sendOnce(request);
		}
		catch (IOException closed) {
			// Tomcat refuses a request line or headers beyond its limit with 400 and closes the connection; on a
			// busy machine the close can reach the client before the answer does. Once more: a server that resets
			// every time still fails here.
			try {
				response = sendOnce(request);
			}
			catch (IOException e) {
				throw new IllegalStateException(probe.id() + " " + probe.describe() + ": " + e, e);
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		String text = response.body() == null ? "" : response.body();
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		check(probe, path, response.statusCode(), contentType, text, millis);
		return new Outcome(probe, response.statusCode(), excerpt(text), millis);
	}

	private HttpResponse<String> sendOnce(HttpRequest.Builder request) throws IOException {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void check(Probe probe, String path, int status, String contentType, String text, long millis) {
		String excerpt = excerpt(text);
		if (status >= 500) {
			findings.add(new Finding(Check.SERVER_ERROR, probe, status, excerpt, ""));
		}
		Set<String> internals = Check.internals(text);
		internals.removeAll(sent);
		if (!internals.isEmpty()) {
			String first = internals.iterator().next();
			int at = Math.max(0, text.indexOf(first) - 60);
			findings.add(new Finding(Check.INTERNALS, probe, status,
					excerpt(text.substring(at)), String.join(" ", internals)));
		}
		if (status >= 400 && status < 500 && path.startsWith("/api") && !probe.method().equals("HEAD")
				&& !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
			findings.add(new Finding(Check.NOT_PROBLEM, probe, status, excerpt, contentType.isEmpty() ? "no content type"
					: contentType));
		}
		if (probe.expect() == Expect.REFUSED && status < 400) {
			findings.add(new Finding(Check.ACCEPTED_INVALID, probe, status, excerpt, ""));
		}
		if (probe.expect() == Expect.SIGNED_OUT && status != 401) {
			findings.add(new Finding(Check.NOT_SIGNED_OUT, probe, status, excerpt, ""));
		}
		if (status == 409 && text.contains("Try again")) {
			findings.add(new Finding(Check.RETRY_CONFLICT, probe, status, excerpt, ""));
		}
		if (status >= 400 && text.length() > Check.OVERSIZED) {
			findings.add(new Finding(Check.OVERSIZED_ANSWER, probe, status, excerpt, text.length() + " characters"));
		}
		if (millis > Check.SLOW_MILLIS) {
			findings.add(new Finding(Check.SLOW, probe, status, excerpt, millis + " ms"));
		}
	}

	private String etag(String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Bearer " + fixture.tokens.get(Caller.ADMIN))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.headers().firstValue("ETag").orElse("\"0\"");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	String resolve(String template, Probe probe) {
		if (template == null || !template.contains("${")) {
			return template;
		}
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder(template.length());
		while (m.find()) {
			String name = m.group(1);
			String arg = m.group(2);
			String value = switch (name) {
				case "n" -> Integer.toString(probe.index());
				case "big" -> "x".repeat(Integer.parseInt(arg));
				case "upper" -> id(arg).toUpperCase(Locale.ROOT);
				case "adminToken" -> fixture.tokens.get(Caller.ADMIN);
				default -> arg == null ? id(name) : m.group();
			};
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	private byte[] resolveBytes(byte[] raw, Probe probe) {
		// Latin-1 maps bytes to chars one to one, so the (ASCII) placeholders are replaced and every other byte kept.
		return resolve(new String(raw, StandardCharsets.ISO_8859_1), probe).getBytes(StandardCharsets.ISO_8859_1);
	}

	private String id(String name) {
		String id = fixture.ids.get(name);
		if (id == null) {
			throw new IllegalStateException("the fixture has no " + name);
		}
		return id;
	}

	static String excerpt(String text) {
		String flat = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
		return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
	}
}
