package app.tandem.interchange;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.shared.InvalidInputException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What a parser's complaint about a file means to the person who wrote it: the line, and what is wrong in the file's
 * terms. The parsers' own messages name their classes and settings ({@code (java.lang.NumberFormatException)},
 * {@code StreamReadConstraints.getMaxNestingDepth()}, {@code Version{major=9, minor=9}}): those are said again here.
 */
final class ParseProblems {

	private static final Pattern MALFORMED_NUMBER = Pattern.compile("Malformed numeric value '([^:]*):");

	private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(nan|inf|infinity)");

	private static final Pattern LIMIT = Pattern.compile("(?i)(nesting depth|string value length|number value length"
			+ "|name length|document length|token count)[^(]*\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

	private static final Pattern TOO_LONG = Pattern.compile("exceeds the limit: (\\d+) code points");

	private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");

	private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\(([^)]*)\\) out of range");

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

	/** Qualified class names, method references and Java's type words: never shown. */
	private static final Pattern INTERNALS = Pattern
		.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*|`|\\w+\\(\\)|Exception|\\w+\\{\\w+=|Base64Variant");

	private static final int QUOTED = 40;

	private ParseProblems() {
	}

	/** The problem, at the line where the parser stands when the exception does not say. */
	static InvalidInputException of(JacksonException e, String format, JsonParser parser) {
		int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
		String message = message(e, format, parser);
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

	private static String message(JacksonException e, String format, JsonParser parser) {
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
			String field = field(parser);
			if (NOT_FINITE.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
				return field + "must be a finite number, not " + value;
			}
			return field + "is not a number: " + quote(value);
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
		String firstLine = original.lines().findFirst().orElse("").strip();
		if (firstLine.isEmpty()) {
			return "not valid " + format;
		}
		return "not valid " + format + ": " + (firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine);
	}

	/** The path of the value the parser stood at ({@code objectives[0].keyResults[1].target: }), or nothing. */
	private static String field(JsonParser parser) {
		String path = YamlLines.path(parser.streamReadContext());
		return path.isEmpty() ? "" : path + ": ";
	}

	/** A value as typed, its start only when long: an answer never echoes a large input back. */
	static String quote(String value) {
		return "'" + (value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value) + "'";
	}
}
