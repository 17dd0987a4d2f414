package app.tandem.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 E: the malformed-request corpus. At least 5,000 requests generated from {@code /v3/api-docs}
 * (see {@link Corpus}) against a fixture built through the API, each checked: no 5xx, no Java class name
 * or stack trace in a body, every 4xx under /api a problem document, invalid input refused, no change
 * stored by a refused request (a fingerprint of the database after each write), and the same status on
 * H2 and PostgreSQL (see {@link StatusFile}). Seeded: {@code -Dtandem.corpus.seed=N} (default 14)
 * reproduces a run. Writes {@code target/corpus-summary.txt}, the counts and every failure.
 */
@TandemIntegrationTest
class MalformedRequestCorpusIntegrationTests {

	static final long DEFAULT_SEED = 14;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void noMalformedRequestIsAnswered5xxLeaksInternalsOrStoresAChange() throws Exception {
		long seed = Long.getLong("tandem.corpus.seed", DEFAULT_SEED);
		String database = database();
		System.out.println("Malformed-request corpus: seed " + seed + " (rerun with -Dtandem.corpus.seed=" + seed + ")");
		long start = System.nanoTime();
		java.time.Duration cpuAtStart = ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);

		Fixture fixture = Fixture.build(port);
		long fixtureSeconds = (System.nanoTime() - start) / 1_000_000_000;
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		fixture.ids.put("recent1", now.minus(2, ChronoUnit.HOURS).toString());
		fixture.ids.put("recent2", now.minus(1, ChronoUnit.HOURS).toString());
		fixture.ids.put("soon", now.plus(1, ChronoUnit.MINUTES).toString());
		ApiDocs docs = ApiDocs.read(ApiClient.anonymous(port).bearer(fixture.tokens.get(Probe.Caller.ADMIN))
			.get("/v3/api-docs")
			.json());
		List<Probe> probes = Corpus.generate(docs, fixture.questions, seed);
		Set<String> covered = probes.stream().map(Probe::operation).collect(Collectors.toCollection(TreeSet::new));
		assertThat(covered).as("every operation of api-docs is in the corpus")
			.containsAll(docs.operations().stream().map(ApiDocs.Operation::key).toList());
		assertThat(probes).as("the corpus").hasSizeGreaterThanOrEqualTo(5_000);

		Runner runner = new Runner(port, fixture, Fingerprint.of(dataSource), probes);
		runner.fixtureSeconds = fixtureSeconds;
		runner.setUpSeconds = (System.nanoTime() - start) / 1_000_000_000;
		runner.run(probes);
		assertThat(Fingerprint.difference(runner.first, runner.end)).as("the fingerprint sees what accepted requests stored")
			.contains("objective", "key_result", "check_in", "measurement", "audit_event");
		long seconds = (System.nanoTime() - start) / 1_000_000_000;
		runner.cpuSeconds = ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO)
			.minus(cpuAtStart).toSeconds();

		String header = StatusFile.header(seed, probes.size(), hash(probes));
		StatusFile.write(database, header, runner.outcomes);
		StringBuilder comparison = new StringBuilder();
		List<Runner.Finding> findings = new ArrayList<>(runner.findings);
		String other = database.equals("h2") ? "postgres" : "h2";
		StatusFile.other(other, header, comparison).ifPresent(statuses -> {
			for (Runner.Outcome o : runner.outcomes) {
				Integer there = statuses.get(o.probe().index());
				if (there != null && there != o.status()) {
					findings.add(new Runner.Finding(Check.DATABASES_DIFFER, o.probe(), o.status(), o.excerpt(),
							database + " " + o.status() + ", " + other + " " + there));
				}
			}
		});

		String roundTrip = "skipped: PostgreSQL is not reachable";
		if (SecondInstance.postgresReachable()) {
			long began = System.nanoTime();
			var failure = BackupRoundTrip.check(ApiClient.anonymous(port).bearer(fixture.tokens.get(Probe.Caller.ADMIN)));
			roundTrip = (failure == null ? "restored into a fresh PostgreSQL instance, the same export"
					: failure.step() + ": " + failure.how()) + " (" + (System.nanoTime() - began) / 1_000_000_000 + " s)";
			if (failure != null) {
				findings.add(new Runner.Finding(Check.BACKUP_ROUND_TRIP, new Probe(0, "GET /api/v1/export, POST /api/v1/import",
						failure.step(), "", Probe.Caller.ADMIN, "GET", "/api/v1/export", Map.of(), null, null, null,
						Probe.Expect.ANY), 0, "", failure.how()));
			}
		}

		List<Report.Group> groups = Report.groups(findings, database);
		List<Report.Group> failing = groups.stream().filter(g -> g.known() == null).toList();
		List<Report.Group> known = groups.stream().filter(g -> g.known() != null).toList();
		Set<KnownDefects.Known> seen = known.stream().map(Report.Group::known).collect(Collectors.toSet());
		List<KnownDefects.Known> unseen = KnownDefects.LIST.stream().filter(k -> !seen.contains(k))
			.filter(k -> k.database() == null || k.database().equals(database))
			.filter(k -> k.check() != Check.DATABASES_DIFFER || comparison.toString().startsWith("compared"))
			.toList();

		String summary = Report.summary(database, seed, probes, seconds, runner,
				comparison + "\nBackup: " + roundTrip, failing, known, unseen);
		Files.createDirectories(StatusFile.DIRECTORY);
		Files.writeString(StatusFile.DIRECTORY.resolve("corpus-summary.txt"), summary);
		Files.writeString(StatusFile.DIRECTORY.resolve("corpus-summary-" + database + ".txt"), summary);
		System.out.println(Report.shortSummary(summary, known));

		assertThat(failing).as(() -> "the corpus's failures (seed " + seed + "):\n"
				+ failing.stream().map(g -> g.describe(seed)).collect(Collectors.joining("\n"))).isEmpty();
		assertThat(unseen).as("known defects the corpus no longer finds: remove them from KnownDefects").isEmpty();
	}

	private String database() throws Exception {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
					? "postgres" : "h2";
		}
	}

	/** The corpus's shape: two runs compare only when they sent the same probes. */
	private static String hash(List<Probe> probes) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (Probe p : probes) {
			sha.update((p.index() + " " + p.method() + " " + p.path() + " " + p.describe() + " " + p.bodyLength() + "\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
	}
}
