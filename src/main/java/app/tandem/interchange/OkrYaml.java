package app.tandem.interchange;

import app.tandem.shared.InvalidInputException;
import app.tandem.shared.ParseErrors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How an OKRs-as-code file is parsed, within limits that keep a hostile file cheap to refuse. SnakeYAML copies its
 * read window once per 1,024 characters of a token still open, so a token's cost grows with the square of its
 * length (an 8 MB scalar on one line: a minute): no token may outgrow its line, so lines are measured first, in
 * one pass. A value's length is checked after parsing ({@link FileNode}); YAML's parser does not apply Jackson's
 * string limit.
 */
final class OkrYaml {

	/** The longest text a file may hold is a description or retrospective (10,000); a line adds its key and quotes. */
	static final int MAX_LINE = 20_000;

	static final int MAX_TEXT = 10_000;

	/** An OKR file nests six levels (objectives, key results, check-ins); Jackson would go to 500. */
	static final int MAX_DEPTH = 32;

	/** Twice the bytes the endpoint takes by default ({@code tandem.max-okr-file-bytes}): a bound for lint's files. */
	static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

	private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
		// A key given twice would silently keep the last value: refused at the second, where it stands.
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.loadSettings(LoadSettings.builder().setCodePointLimit(MAX_CODE_POINTS).build())
		.build());

	private OkrYaml() {
	}

	/** The file's tree; a file that is not YAML, or breaks a limit, is refused naming its line. */
	static JsonNode read(String text) {
		refuseLongLines(text);
		try (JsonParser parser = MAPPER.createParser(text)) {
			try {
				return MAPPER.readTree(parser);
			}
			catch (JacksonException e) {
				throw ParseErrors.inFile(e, "YAML", parser);
			}
		}
	}

	/** A parser over the file's tokens, for a file {@link #read} has accepted or one whose lines fit. */
	static JsonParser parser(String text) {
		return MAPPER.createParser(text);
	}

	/** Whether every line of the text fits; only such a file is cheap to tokenize. */
	static boolean linesFit(String text) {
		return firstLongLine(text) == 0;
	}

	private static void refuseLongLines(String text) {
		int line = firstLongLine(text);
		if (line > 0) {
			throw InvalidInputException.of("line " + line,
					"the line is longer than " + MAX_LINE + " characters (a text holds at most " + MAX_TEXT + ")");
		}
	}

	/** The number of the first line longer than {@link #MAX_LINE}, 0 when none. */
	private static int firstLongLine(String text) {
		int line = 1;
		int start = 0;
		for (int i = 0, n = text.length(); i <= n; i++) {
			if (i == n || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
				if (i - start > MAX_LINE) {
					return line;
				}
				if (i < n && text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
				line++;
				start = i + 1;
			}
		}
		return 0;
	}
}
