package app.tandem.shared;

/**
 * Text that people and files enter holds no control characters but tab, line feed and carriage return, and no
 * half of a character (an unpaired surrogate). PostgreSQL cannot store U+0000 at all, H2 can, so without this rule
 * the two databases disagree and a backup of one does not restore into the other; the other controls and broken
 * characters are never meant either.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/** What is wrong with the text, said for a person (null when nothing is, or for null). */
	public static String problemIn(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return "contains the control character " + codePoint(c) + " at position " + (i + 1)
						+ ": only tab, line feed and carriage return are allowed";
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "contains half of a character (" + codePoint(c) + ") at position " + (i + 1);
			}
		}
		return null;
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}
}
