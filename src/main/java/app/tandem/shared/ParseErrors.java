package app.tandem.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * A JSON or YAML parser's complaint as a sentence about the input, for every reader that refuses what it cannot
 * parse: the API's bodies, measurement JSON, OKR files and backups. Never the parsers' pointers to their settings
 * ({@code from `StreamReadConstraints.getMaxNestingDepth()`}, {@code enable `JsonReadFeature…`}), Java types or
 * class names, nor the YAML parser's excerpt of the source; a value is quoted cut short ({@link Excerpt}).
 * <p>
 * An answer to a request says where by line and column ({@link #describe}, {@link #sentence}, {@link #where}); a
 * file's problem says it in the file's terms, the path of the value and the line ({@link #inFile}).
 */
public final class ParseErrors {

	private static final Pattern FROM_SETTING = Pattern.compile(",? from `[^`]*`");

	private static final Pattern ENABLE_SETTING = Pattern.compile(":? ?(?:enable|disable) `[^`]*`(?: to allow)?");

	private static final Pattern FEATURE = Pattern.compile(" ?\\([^()]*Feature[^()]*\\)");

	private static final Pattern QUOTED_NAME = Pattern.compile("`([^`]*)`");

	private static final Pattern YAML_VERSION = Pattern.compile("Version\\{major=(\\d+), minor=(\\d+)\\}");

	private static final Pattern MALFORMED_NUMBER = Pattern.compile("Malformed numeric value '([^:]*):");

	private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(nan|inf|infinity)");

	private static final Pattern LIMIT = Pattern.compile("(?i)(nesting depth|string value length|number value length"
			+ "|name length|document length|token count)[^(]*\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

	private static final Pattern TOO_LONG = Pattern.compile("exceeds the limit: (\\d+) code points");

	private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");

	private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\(([^)]*)\\) out of range");

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

	/** Qualified class names, method references and Java's type words: never shown, whatever the wording above. */
	private static final Pattern INTERNALS = Pattern
		.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*|`|\\w+\\(\\)|Exception|\\w+\\{\\w+=|Base64Variant");

	private ParseErrors() {
	}

	/** The complaint with its line and column, e.g. "Unexpected end-of-input (line 3, column 1)". */
	public static String describe(JacksonException e) {
		return sentence(e) + where(e);
	}

	/** The complaint alone, for an answer that names the field already. */
	public static String sentence(JacksonException e) {
		String plain = plain(e.getOriginalMessage());
		return plain.isEmpty() || INTERNALS.matcher(plain).find() ? "cannot be read" : plain;
	}

	/** " (line 3, column 1)", or nothing when the parser did not say. */
	public static String where(JacksonException e) {
		var location = e.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	/**
	 * A file's problem ({@code "YAML"} or {@code "JSON"}) at its line, the line where the parser stands when the
	 * exception does not say: "nested more than 32 levels deep", "kpis[0].target: must be a finite number, not .nan".
	 */
	public static InvalidInputException inFile(JacksonException e, String format, JsonParser parser) {
		int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
		String message = fileMessage(e, format, parser);
		if (INTERNALS.matcher(message).find()) {
			message = "not valid " + format;
		}
		if (e.getCause() instanceof MarkedYamlEngineException marked) {
			line = marked.getProblemMark().or(marked::getContextMark).map(m -> m.getLine() + 1).orElse(line);
		}
		if (line <= 0) {
			line = parser.currentLocation().getLineNr();
		}
		return InvalidInputException.of(line > 0 ? "line " + line : "", message);
	}

	/** A value as typed, in quotes, its start only when long: an answer never echoes a large input back. */
	public static String quote(String value) {
		return "'" + Excerpt.of(value) + "'";
	}

	/** The path of the value a parser's context is at ({@code objectives[2].keyResults[0].target}; the root is ""). */
	public static String path(TokenStreamContext context) {
		Deque<String> parts = new ArrayDeque<>();
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.currentName());
		}
		String path = String.join("", parts);
		return path.startsWith(".") ? path.substring(1) : path;
	}

	/** The parser's message without its settings, types and source excerpt; "" when nothing is left. */
	private static String plain(String message) {
		if (message == null || message.isBlank()) {
			return "";
		}
		StringBuilder kept = new StringBuilder();
		for (String line : message.split("\n")) {
			// the YAML parser adds "in reader, line 2, column 4:" and the line with a caret under it
			if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
				continue;
			}
			kept.append(kept.isEmpty() ? "" : "; ").append(line.strip());
		}
		String plain = YAML_VERSION.matcher(kept).replaceAll("a YAML version this reader does not know ($1.$2)");
		plain = FROM_SETTING.matcher(plain).replaceAll("");
		plain = ENABLE_SETTING.matcher(plain).replaceAll("");
		plain = FEATURE.matcher(plain).replaceAll("");
		return QUOTED_NAME.matcher(plain).replaceAll(match -> {
			String name = match.group(1);
			return Matcher.quoteReplacement(name.contains(".") || name.contains("$") ? "a value" : "'" + name + "'");
		});
	}

	private static String fileMessage(JacksonException e, String format, JsonParser parser) {
		String original = String.valueOf(e.getOriginalMessage());
		if (e.getCause() instanceof YamlVersionException) {
			return "declares a YAML version Tandem does not read: write %YAML 1.2, or no %YAML line";
		}
		if (e.getCause() instanceof ReaderException reader) {
			return "holds the character U+%04X, which %s does not allow".formatted(reader.getCodePoint(), format);
		}
		if (original.startsWith("Expected a property name")) {
			return "a key must be a single value, not a list or a mapping";
		}
		if (e.getCause() instanceof MarkedYamlEngineException marked) {
			String context = marked.getContext();
			return "not valid " + format + ": " + (context == null ? "" : context + ": ") + marked.getProblem();
		}
		Matcher number = MALFORMED_NUMBER.matcher(original);
		if (number.find()) {
			String value = number.group(1);
			if (NOT_FINITE.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
				return field(parser) + "must be a finite number, not " + value;
			}
			return field(parser) + "is not a number: " + quote(value);
		}
		Matcher limit = LIMIT.matcher(original);
		if (e instanceof StreamConstraintsException && limit.find()) {
			return switch (limit.group(1).toLowerCase(Locale.ROOT)) {
				case "nesting depth" -> "nested more than " + limit.group(3) + " levels deep";
				case "string value length" -> "holds a text longer than " + limit.group(3) + " characters";
				case "number value length" -> "holds a number longer than " + limit.group(3) + " characters";
				case "name length" -> "holds a key longer than " + limit.group(3) + " characters";
				case "document length" -> "the file is longer than " + limit.group(3) + " characters";
				default -> "holds more than " + limit.group(3) + " values";
			};
		}
		Matcher nonStandard = NON_STANDARD.matcher(original);
		if (nonStandard.find()) {
			return field(parser) + quote(nonStandard.group(1)) + " is not a number " + format + " allows (a number is finite)";
		}
		Matcher outOfRange = OUT_OF_RANGE.matcher(original);
		if (outOfRange.find()) {
			return field(parser) + "the number " + quote(outOfRange.group(1)) + " is out of range";
		}
		if (original.contains("comment")) {
			return "comments are not allowed in " + format;
		}
		Matcher tooLong = TOO_LONG.matcher(original);
		if (tooLong.find()) {
			return "the file is longer than " + tooLong.group(1) + " characters";
		}
		Matcher duplicate = DUPLICATE.matcher(original);
		if (duplicate.find()) {
			return quote(duplicate.group(1)) + " is given twice in the same mapping";
		}
		if (original.toLowerCase(Locale.ROOT).contains("base64")) {
			return field(parser) + "is not valid base64 (!!binary)";
		}
		String plain = plain(original);
		if (plain.isEmpty()) {
			return "not valid " + format;
		}
		return "not valid " + format + ": " + (plain.length() > 200 ? plain.substring(0, 200) + "…" : plain);
	}

	/** The path of the value the parser stood at, with a colon ({@code objectives[0].keyResults[1].target: }). */
	private static String field(JsonParser parser) {
		String path = path(parser.streamReadContext());
		return path.isEmpty() ? "" : path + ": ";
	}
}
