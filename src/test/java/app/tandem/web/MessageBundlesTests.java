package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every message bundle ({@code src/main/resources/messages*.properties}) has a German one with the same keys. A key
 * missing in German shows its English text on a German page; a key only in German is a leftover, or English lacks
 * it.
 */
class MessageBundlesTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	static final String GERMAN = "_de.properties";

	@Test
	void everyBundleHasTheSameKeysInEnglishAndGerman() throws IOException {
		List<Path> bundles = bundles();
		List<Path> english = bundles.stream().filter(bundle -> !bundle.toString().endsWith(GERMAN)).toList();
		assertThat(english).as("bundles in " + RESOURCES.toAbsolutePath()).isNotEmpty();
		SoftAssertions softly = new SoftAssertions();
		for (Path bundle : english) {
			Path german = RESOURCES.resolve(bundle.getFileName().toString().replace(".properties", GERMAN));
			softly.assertThat(german).as("the German bundle of " + bundle.getFileName()).exists();
			if (Files.exists(german)) {
				Set<String> inEnglish = keys(bundle);
				Set<String> inGerman = keys(german);
				softly.assertThat(without(inEnglish, inGerman)).as("keys of %s missing in %s", bundle.getFileName(),
						german.getFileName()).isEmpty();
				softly.assertThat(without(inGerman, inEnglish)).as("keys of %s missing in %s", german.getFileName(),
						bundle.getFileName()).isEmpty();
			}
		}
		for (Path bundle : bundles) {
			String name = bundle.getFileName().toString();
			if (name.endsWith(GERMAN)) {
				softly.assertThat(RESOURCES.resolve(name.replace(GERMAN, ".properties")))
					.as("the English bundle of " + name)
					.exists();
			}
		}
		softly.assertAll();
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.list(RESOURCES)) {
			return files.filter(file -> file.getFileName().toString().matches("messages.*\\.properties"))
				.sorted()
				.toList();
		}
	}

	private static Set<String> keys(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties.stringPropertyNames();
	}

	private static Set<String> without(Set<String> keys, Set<String> others) {
		Set<String> left = new TreeSet<>(keys);
		left.removeAll(others);
		return left;
	}
}
