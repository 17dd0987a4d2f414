package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.BasicJsonParser;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.Options;

import tools.jackson.databind.json.JsonMapper;

/** Modules use each other only through their top packages (and named interfaces), without cycles. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class);

	/** In the source tree and committed: a change of the modules shows as a change of these files in git. */
	static final String MODULE_MAP = "docs/modules";

	/** The Javadoc that spring-modulith-apt extracts at compile time, which the canvases quote. */
	static final Path JAVADOC = Path.of("target/generated-spring-modulith/javadoc.json");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	/**
	 * Rewrites the module map (the folder is emptied first): all modules as a C4 diagram, one diagram and one
	 * Application Module Canvas (description, API beans, published events, events listened to, properties) per
	 * module, and {@code all-docs.adoc} including them. Not {@code writeDocumentation()}: that also writes the modules'
	 * metadata into {@code target/classes}, and so into the jar.
	 */
	@Test
	void modulesAreDocumented() throws IOException {
		DiagramOptions diagrams = DiagramOptions.defaults();
		CanvasOptions canvases = CanvasOptions.defaults();
		Documenter documenter = new Documenter(MODULES, Options.defaults().withOutputFolder(MODULE_MAP))
			.writeModulesAsPlantUml(diagrams)
			.writeIndividualModulesAsPlantUml(diagrams);
		// Documenter reads the Javadoc once, when it renders its first canvas (without it, canvases lack descriptions)
		String javadoc = Files.exists(JAVADOC) ? Files.readString(JAVADOC, StandardCharsets.UTF_8) : null;
		try {
			if (javadoc != null) {
				Files.writeString(JAVADOC, forBasicJsonParser(javadoc), StandardCharsets.UTF_8);
			}
			documenter.writeModuleCanvases(canvases).writeAggregatingDocument(diagrams, canvases);
		}
		finally {
			if (javadoc != null) {
				Files.writeString(JAVADOC, javadoc, StandardCharsets.UTF_8);
			}
		}
		// Documenter writes relations and lists in the order of hash maps and sets, which differs from run to run
		try (Stream<Path> files = Files.list(Path.of(MODULE_MAP))) {
			for (Path file : files.toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				Files.writeString(file, file.toString().endsWith(".puml") ? withRelationsSorted(text)
						: withListsSorted(text), StandardCharsets.UTF_8);
			}
		}
	}

	/** A diagram with its relations ({@code Rel(…)} lines) in alphabetical order. */
	static String withRelationsSorted(String diagram) {
		List<String> lines = new ArrayList<>(List.of(diagram.split("\n", -1)));
		List<Integer> at = IntStream.range(0, lines.size())
			.filter(i -> lines.get(i).startsWith("Rel("))
			.boxed()
			.toList();
		List<String> relations = at.stream().map(lines::get).sorted().toList();
		for (int i = 0; i < at.size(); i++) {
			lines.set(at.get(i), relations.get(i));
		}
		return String.join("\n", lines);
	}

	/**
	 * A canvas with the items of each of its lists in alphabetical order, each item with its sub-items ({@code **},
	 * such as the methods that create an event) sorted too. The first item of a table cell starts with the cell's
	 * {@code |}.
	 */
	static String withListsSorted(String canvas) {
		List<String> lines = List.of(canvas.split("\n", -1));
		List<String> sorted = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			if (!isItem(lines.get(i))) {
				sorted.add(lines.get(i++));
				continue;
			}
			boolean inCell = lines.get(i).startsWith("|");
			List<List<String>> items = new ArrayList<>();
			while (i < lines.size() && (isItem(lines.get(i)) || lines.get(i).startsWith("** "))) {
				String line = lines.get(i++);
				if (isItem(line)) {
					items.add(new ArrayList<>(List.of(line.startsWith("|") ? line.substring(1) : line)));
				}
				else {
					items.get(items.size() - 1).add(line);
				}
			}
			for (List<String> item : items) {
				item.subList(1, item.size()).sort(null);
			}
			items.sort(Comparator.comparing(item -> String.join("\n", item)));
			items.get(0).set(0, (inCell ? "|" : "") + items.get(0).get(0));
			items.forEach(sorted::addAll);
		}
		return String.join("\n", sorted);
	}

	private static boolean isItem(String line) {
		return line.startsWith("* ") || line.startsWith("|* ");
	}

	/**
	 * The Javadoc in a form that Spring Boot's {@link BasicJsonParser}, which Documenter reads it with, reads as it
	 * was written. That parser takes the backslash of an escape away at each level of nesting it splits, and counts
	 * brackets and braces inside strings as well, so a quotation mark or a half-open interval {@code [from, to)} in
	 * a comment breaks it (spring-modulith#1685). Here every such character carries as many backslashes as the levels
	 * above it take away: the top list and the type's fields for a type's name and comment, two more (its list of
	 * methods and their fields) for a method's.
	 */
	@SuppressWarnings("unchecked")
	static String forBasicJsonParser(String javadoc) {
		List<Map<String, Object>> types = JsonMapper.builder().build().readValue(javadoc, List.class);
		StringJoiner out = new StringJoiner(",", "[", "]");
		for (Map<String, Object> type : types) {
			StringJoiner fields = new StringJoiner(",", "{", "}");
			addString(fields, type, "name", 2);
			addString(fields, type, "comment", 2);
			if (type.get("methods") instanceof List<?> methods) {
				StringJoiner list = new StringJoiner(",", "[", "]");
				for (Object method : methods) {
					StringJoiner methodFields = new StringJoiner(",", "{", "}");
					for (String field : List.of("name", "signature", "comment")) {
						addString(methodFields, (Map<String, Object>) method, field, 4);
					}
					list.add(methodFields.toString());
				}
				fields.add("\"methods\":" + list);
			}
			out.add(fields.toString());
		}
		String rewritten = out.toString();
		assertThat(new BasicJsonParser().parseList(rewritten)).as("the Javadoc as BasicJsonParser reads it")
			.isEqualTo(types);
		return rewritten;
	}

	private static void addString(StringJoiner fields, Map<String, Object> source, String field, int levels) {
		if (source.get(field) instanceof String value) {
			String backslashes = "\\".repeat((1 << levels) - 1);
			StringBuilder text = new StringBuilder();
			for (char c : value.toCharArray()) {
				if ("\"\\[]{}".indexOf(c) >= 0) {
					text.append(backslashes);
				}
				text.append(c);
			}
			fields.add("\"" + field + "\":\"" + text + "\"");
		}
	}
}
