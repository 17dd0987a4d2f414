package app.tandem.kpi;

/**
 * What a message quotes of a value that was sent: at most {@value #LENGTH} characters, then "…". An error about a
 * megabyte of text need not send the megabyte back.
 */
final class Excerpt {

	static final int LENGTH = 40;

	private Excerpt() {
	}

	static String of(Object sent) {
		String text = String.valueOf(sent);
		if (text.length() <= LENGTH) {
			return text;
		}
		// never half of a surrogate pair
		int end = Character.isHighSurrogate(text.charAt(LENGTH - 1)) ? LENGTH - 1 : LENGTH;
		return text.substring(0, end) + "…";
	}
}
