package app.tandem.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The statuses of one run, {@code target/corpus-<database>.tsv}: probe number → status, headed by the seed and a
 * hash of the corpus. The PostgreSQL run compares them with the H2 run's file: found in {@code target} when the
 * suites run one after the other in one clone, or, as CI runs them side by side in two copies, in the directory
 * {@code TANDEM_CORPUS_OTHER_DIR} names, waiting up to {@code TANDEM_CORPUS_WAIT_SECONDS} for it to be written or
 * until the file {@code TANDEM_CORPUS_OTHER_ENDED} names says the other run ended. Chosen over starting a second
 * instance on the other database in the test: that would double each run's time, and each database's suite
 * already runs once in CI. The other file is only compared when it was written for the same corpus and after the
 * application's sources last changed (a file left from older code would report differences that are not).
 */
final class StatusFile {

	static final Path DIRECTORY = Path.of("target");

	/** Where the other database's run writes its file. */
	private static final Path OTHER_DIRECTORY = Path.of(System.getenv().getOrDefault("TANDEM_CORPUS_OTHER_DIR", "target"));

	/** How long to wait for the other run's file when that run goes on beside this one. */
	private static final Duration WAIT = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault(
			"TANDEM_CORPUS_WAIT_SECONDS", "0")));

	/** A file that exists once the other run has ended: no use waiting longer (it failed before writing). */
	private static final Path OTHER_ENDED = Path.of(System.getenv().getOrDefault("TANDEM_CORPUS_OTHER_ENDED",
			"target/no-such-file"));

	private StatusFile() {
	}

	static String header(long seed, int probes, String corpusHash) {
		return "# seed=" + seed + " probes=" + probes + " corpus=" + corpusHash;
	}

	static void write(String database, String header, List<Runner.Outcome> outcomes) {
		StringBuilder text = new StringBuilder(header).append('\n');
		for (Runner.Outcome o : outcomes) {
			text.append(o.probe().index()).append('\t').append(o.status()).append('\t').append(o.millis()).append(" ms\t")
				.append(o.probe().operation())
				.append('\t').append(o.probe().describe()).append('\n');
		}
		try {
			Files.createDirectories(DIRECTORY);
			// whole or not at all: a run beside this one may be waiting for the file
			Path partial = DIRECTORY.resolve(file(database).getFileName() + ".partial");
			Files.writeString(partial, text);
			Files.move(partial, file(database), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The other database's statuses by probe number, when its file is for this corpus and this build. */
	static Optional<Map<Integer, Integer>> other(String otherDatabase, String header, StringBuilder why) {
		Path file = OTHER_DIRECTORY.resolve(file(otherDatabase).getFileName());
		try {
			Instant giveUp = Instant.now().plus(WAIT);
			while (!Files.exists(file) && !Files.exists(OTHER_ENDED) && Instant.now().isBefore(giveUp)) {
				Thread.sleep(1000);
			}
			if (!Files.exists(file)) {
				why.append("no ").append(file).append(" (run the other database's suite first to compare)");
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(file);
			if (lines.isEmpty() || !lines.get(0).equals(header)) {
				why.append(file).append(" is for another seed or corpus");
				return Optional.empty();
			}
			FileTime changed = newest(Path.of("src/main"));
			if (changed != null && Files.getLastModifiedTime(file).compareTo(changed) < 0) {
				why.append(file).append(" is older than src/main (the application changed since)");
				return Optional.empty();
			}
			Map<Integer, Integer> statuses = new HashMap<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split("\t", 3);
				statuses.put(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]));
			}
			why.append("compared with ").append(file);
			return Optional.of(statuses);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			why.append("interrupted while waiting for ").append(file);
			return Optional.empty();
		}
	}

	static Path file(String database) {
		return DIRECTORY.resolve("corpus-" + database + ".tsv");
	}

	private static FileTime newest(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return null;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			List<FileTime> times = new ArrayList<>();
			files.filter(Files::isRegularFile).forEach(f -> {
				try {
					times.add(Files.getLastModifiedTime(f));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			return times.stream().max(FileTime::compareTo).orElse(null);
		}
	}
}
