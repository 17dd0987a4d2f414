package app.tandem.shared;

/**
 * The version a write expects to replace, from {@code If-Match: "3"} or a {@code version} in the body.
 * Without either the write applies to whatever is current (a PATCH only changes the fields it names).
 */
public record Versions(Long expected, boolean fromIfMatch) {

	public static Versions of(String ifMatch, Long bodyVersion) {
		if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
			String tag = ifMatch.trim();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			tag = tag.replace("\"", "");
			try {
				return new Versions(Long.parseLong(tag), true);
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("If-Match", "must be an ETag this API gave out, such as \"3\"");
			}
		}
		return new Versions(bodyVersion, false);
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	public void check(String what, long actual) {
		if (expected != null && expected != actual) {
			throw new StaleVersionException(what, expected, actual, fromIfMatch);
		}
	}
}
