package app.tandem.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The statuses of one run, {@code target/corpus-<database>.tsv}: probe number → status, headed by the
 * seed and a hash of the corpus. CI runs the suite on H2 ({@code ./mvnw verify}), then on PostgreSQL
 * ({@code ./mvnw verify -Ppostgres}) in the same clone without a clean, so the second run finds the
 * first one's file and compares. Chosen over starting a second instance on the other database in the
 * test: that would double each run's time, and each database's suite already runs once in CI.
 * The other file is only compared when it was written for the same corpus and after the application's
 * sources last changed (a file left from older code would report differences that are not).
 */
final class StatusFile {

	static final Path DIRECTORY = Path.of("target");

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
			Files.writeString(file(database), text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The other database's statuses by probe number, when its file is for this corpus and this build. */
	static Optional<Map<Integer, Integer>> other(String otherDatabase, String header, StringBuilder why) {
		Path file = file(otherDatabase);
		try {
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
