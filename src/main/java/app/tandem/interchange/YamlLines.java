package app.tandem.interchange;

import java.util.HashMap;
import java.util.Map;

import app.tandem.shared.ParseErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Where each mapping and field of a YAML file starts, by the paths {@link FileNode} gives them
 * ({@code objectives[2]}, {@code objectives[2].keyResults[0].target}; the root is {@code ""}):
 * the tree {@link OkrFileReader} reads has no lines, the parser's token stream does.
 */
final class YamlLines {

	private final Map<String, Integer> lines;

	private YamlLines(Map<String, Integer> lines) {
		this.lines = lines;
	}

	/** The lines of a file that is valid YAML (an invalid one has none, nor one with a line too long to parse). */
	static YamlLines read(String text) {
		Map<String, Integer> lines = new HashMap<>();
		if (!OkrYaml.linesFit(text)) {
			return new YamlLines(lines);
		}
		try (JsonParser parser = OkrYaml.parser(text)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
					// The new mapping's (or list's) own context: its parent says where it sits.
					lines.putIfAbsent(ParseErrors.path(parser.streamReadContext().getParent()),
							parser.currentTokenLocation().getLineNr());
				}
				else if (token == JsonToken.PROPERTY_NAME) {
					lines.putIfAbsent(ParseErrors.path(parser.streamReadContext()), parser.currentTokenLocation().getLineNr());
				}
			}
		}
		catch (JacksonException e) {
			// Lines as far as the file could be read; the reader reports what is wrong with it.
		}
		return new YamlLines(lines);
	}

	/**
	 * The line of a path, or of the nearest enclosing one the file has ({@code objectives[0].title}
	 * when the title is missing: the objective's line); 0 when none.
	 */
	int lineOf(String path) {
		for (String p = path; p != null; p = parent(p)) {
			Integer line = lines.get(p);
			if (line != null) {
				return line;
			}
		}
		return 0;
	}

	private static String parent(String path) {
		if (path.isEmpty()) {
			return null;
		}
		int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
		return cut <= 0 ? "" : path.substring(0, cut);
	}
}
