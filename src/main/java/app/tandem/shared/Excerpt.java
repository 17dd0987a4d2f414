package app.tandem.shared;

/**
 * What a message quotes of a value that was sent: at most {@value #LENGTH} characters, then "…". An error about a
 * megabyte of text need not send the megabyte back. Every refusal that quotes a client's value goes through here:
 * the API's messages, CSV and JSON measurements, OKR files and backups.
 */
public final class Excerpt {

	public static final int LENGTH = 40;

	private Excerpt() {
	}

	public static String of(Object sent) {
		String text = String.valueOf(sent);
		if (text.length() <= LENGTH) {
			return text;
		}
		// never half of a surrogate pair
		int end = Character.isHighSurrogate(text.charAt(LENGTH - 1)) ? LENGTH - 1 : LENGTH;
		return text.substring(0, end) + "…";
	}
}
