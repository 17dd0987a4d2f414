package app.tandem.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tandem.okr.domain.KeyResultDefinition;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the templates file and refuses a template that could not be adopted as written: a missing field, a key
 * twice, fewer than 2 or more than 5 key results, or a key result whose values its type refuses (okr's own rules).
 * A broken file stops the application at start-up rather than failing a person's adoption later.
 */
final class OkrTemplateFile {

	static final String LOCATION = "templates-library/okrs.yaml";

	static final int MIN_KEY_RESULTS = 2;

	static final int MAX_KEY_RESULTS = 5;

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private record Contents(List<OkrTemplate> templates) {
	}

	private OkrTemplateFile() {
	}

	static final String GERMAN = "templates-library/okrs_de.yaml";

	/**
	 * The templates in German, by key, from the German file: every template must be there, with as many key
	 * results as the English one, each title naming the same numbers (a start-up check, like the English file's).
	 */
	static Map<String, OkrTemplate> loadGerman(List<OkrTemplate> english) {
		try (InputStream in = OkrTemplateFile.class.getClassLoader().getResourceAsStream(GERMAN)) {
			if (in == null) {
				throw new IllegalStateException("German OKR templates file missing: " + GERMAN);
			}
			return german(english, YAML.readValue(in, new tools.jackson.core.type.TypeReference<Map<String, OkrTemplate.Words>>() {
			}));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Map<String, OkrTemplate> german(List<OkrTemplate> english, Map<String, OkrTemplate.Words> words) {
		Map<String, OkrTemplate> german = new java.util.LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (OkrTemplate t : english) {
			OkrTemplate.Words w = words == null ? null : words.get(t.key());
			if (w == null || w.title() == null || w.description() == null || w.keyResults() == null) {
				problems.add(t.key() + ": no German title, description and key results");
			}
			else if (w.keyResults().size() != t.keyResults().size()) {
				problems.add(t.key() + ": " + w.keyResults().size() + " German key results for "
						+ t.keyResults().size());
			}
			else {
				german.put(t.key(), t.in(w));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("German OKR templates refused: " + String.join("; ", problems));
		}
		return Map.copyOf(german);
	}

	/** The shipped file, from the class path. */
	static List<OkrTemplate> load() {
		try (InputStream in = OkrTemplateFile.class.getClassLoader().getResourceAsStream(LOCATION)) {
			if (in == null) {
				throw new IllegalStateException("OKR templates file missing: " + LOCATION);
			}
			return read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @throws IllegalStateException naming every template that is not fit to adopt */
	static List<OkrTemplate> read(InputStream in) {
		Contents contents = YAML.readValue(in, Contents.class);
		List<OkrTemplate> templates = contents == null || contents.templates() == null ? List.of()
				: contents.templates();
		List<String> problems = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (OkrTemplate t : templates) {
			problems(t, keys).forEach(p -> problems.add((t.key() == null ? "(no key)" : t.key()) + ": " + p));
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("OKR templates refused: " + String.join("; ", problems));
		}
		return List.copyOf(templates);
	}

	static List<String> problems(OkrTemplate t, Set<String> keysSoFar) {
		List<String> problems = new ArrayList<>();
		if (t.key() == null || !t.key().matches("[a-z0-9][a-z0-9-]*")) {
			problems.add("key must be a slug");
		}
		else if (!keysSoFar.add(t.key())) {
			problems.add("key used twice");
		}
		if (t.function() == null || t.level() == null || t.type() == null) {
			problems.add("function, level and type are required");
		}
		if (t.title() == null || t.title().isBlank() || t.description() == null || t.description().isBlank()) {
			problems.add("title and description are required");
		}
		int count = t.keyResults().size();
		if (count < MIN_KEY_RESULTS || count > MAX_KEY_RESULTS) {
			problems.add("has " + count + " key results (2 to 5)");
		}
		for (int i = 0; i < count; i++) {
			OkrTemplate.KeyResult kr = t.keyResults().get(i);
			if (kr.title() == null || kr.title().isBlank() || kr.type() == null) {
				problems.add("keyResults[" + i + "] needs a title and a type");
				continue;
			}
			for (String[] p : new KeyResultDefinition(kr.type(), kr.start(), kr.target(), kr.min(), kr.max(), 1, null)
				.problems()) {
				problems.add("keyResults[" + i + "]." + p[0] + " " + p[1]);
			}
		}
		return problems;
	}
}
