package app.tandem.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

/**
 * A JSON or YAML parser's complaint as a sentence about the input and where it is: without Jackson's pointers to its
 * settings ({@code from `StreamReadConstraints.getMaxNestingDepth()`}, {@code enable `JsonReadFeature…`}), the
 * Java types it names, or the YAML parser's excerpt of the source. For any reader that builds a 400's message
 * from a parse error.
 */
public final class ParseErrors {

	private static final Pattern FROM_SETTING = Pattern.compile(",? from `[^`]*`");

	private static final Pattern ENABLE_SETTING = Pattern.compile(":? ?(?:enable|disable) `[^`]*`(?: to allow)?");

	private static final Pattern FEATURE = Pattern.compile(" ?\\([^()]*Feature[^()]*\\)");

	private static final Pattern QUOTED_NAME = Pattern.compile("`([^`]*)`");

	private static final Pattern YAML_VERSION = Pattern.compile("Version\\{major=(\\d+), minor=(\\d+)\\}");

	private ParseErrors() {
	}

	/** The complaint with its line and column, e.g. "Unexpected end-of-input (line 3, column 1)". */
	public static String describe(JacksonException e) {
		return sentence(e) + where(e);
	}

	/** The complaint alone, for an answer that names the field already. */
	public static String sentence(JacksonException e) {
		String message = e.getOriginalMessage();
		if (message == null || message.isBlank()) {
			return "cannot be read";
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

	/** " (line 3, column 1)", or nothing when the parser did not say. */
	public static String where(JacksonException e) {
		var location = e.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}
}
