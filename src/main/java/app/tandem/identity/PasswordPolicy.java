package app.tandem.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which passwords Tandem refuses (OWASP ASVS 5.0 V6.2), wherever one is set: 8 to 128 characters
 * of anything printable (spaces and any script included), but none that a guesser tries early: the
 * most common passwords ({@link CommonPasswords}), one that contains the person's user name, name or
 * e-mail address before the @, or the organisation's name (or Tandem's), one character or a short
 * group repeated, or a keyboard or alphabet run with at most a few characters added
 * ({@code qwertyuiop12}). Plain Java: the rules are tested without Spring.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	/** Context words shorter than this are left alone: they turn up by chance in good passwords. */
	private static final int SHORTEST_WORD = 3;

	/** A run counts from this length (asdf, 1234); a password whose runs leave fewer characters than this is one. */
	private static final int RUN = 4;

	/**
	 * Keyboard rows (US, German, French) with and without shift, the walks down their columns, the
	 * alphabet and the digits: any four or more characters of one of them in a row, either way, are a run.
	 */
	private static final List<String> RUNS = List.of("`1234567890-=", "~!@#$%^&*()_+", "!\"§$%&/()=?", "qwertyuiop[]\\",
			"qwertzuiopü+", "azertyuiop", "asdfghjkl;'", "asdfghjklöä#", "qsdfghjklm", "zxcvbnm,./", "yxcvbnm,.-",
			"wxcvbn,;:!", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "qazwsxedcrfvtgbyhnujmikolp",
			"abcdefghijklmnopqrstuvwxyz", "01234567890");

	/** Why a password is refused: an English message for the API, and a key for the pages' own texts. */
	public enum Refusal {

		LENGTH("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"),
		CONTROL("must not contain control characters (such as NUL, a tab or a line break)"),
		BLANK("must not be only spaces"),
		USER_NAME("must not contain the user name"),
		NAME("must not contain the person's name"),
		EMAIL("must not contain the e-mail address's part before the @"),
		ORGANISATION("must not contain the organisation's name, nor Tandem's"),
		REPEATED("must not be one character or a short group of characters repeated (such as aaaaaaaa or abababab)"),
		RUN("must not be a keyboard or alphabet run (such as qwerty, asdf, abcd or 12345), even with a few characters added"),
		COMMON("is one of the most common passwords; choose another");

		private final String message;

		Refusal(String message) {
			this.message = message;
		}

		/** What the API answers, after the field's name: "password must not …". */
		public String message() {
			return message;
		}

		/** The suffix of the pages' message key, {@code admin.users.error.password.<key>}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT).replace("_", "");
		}
	}

	/** Whose password it is: any part may be null (a person without e-mail, an unnamed organisation). */
	public record Context(String username, String name, String email, String organisation) {
	}

	private PasswordPolicy() {
	}

	/** The first rule the password breaks, or empty if it is acceptable. */
	public static Optional<Refusal> check(String password, Context context) {
		if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			return Optional.of(Refusal.LENGTH);
		}
		if (password.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
			return Optional.of(Refusal.CONTROL);
		}
		if (password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
			return Optional.of(Refusal.BLANK);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (contains(lower, context.username())) {
			return Optional.of(Refusal.USER_NAME);
		}
		if (contains(lower, context.name())) {
			return Optional.of(Refusal.NAME);
		}
		String email = context.email();
		if (email != null && email.indexOf('@') > 0 && contains(lower, email.substring(0, email.lastIndexOf('@')))) {
			return Optional.of(Refusal.EMAIL);
		}
		if (contains(lower, context.organisation()) || contains(lower, "Tandem")) {
			return Optional.of(Refusal.ORGANISATION);
		}
		if (repeated(lower)) {
			return Optional.of(Refusal.REPEATED);
		}
		if (mostlyRuns(lower)) {
			return Optional.of(Refusal.RUN);
		}
		if (CommonPasswords.contains(password)) {
			return Optional.of(Refusal.COMMON);
		}
		return Optional.empty();
	}

	/** Contains the word, ignoring case, and also when both are read without spaces and punctuation ("Ana Lima" in "analima!"). */
	private static boolean contains(String lowerPassword, String word) {
		if (word == null || word.strip().length() < SHORTEST_WORD) {
			return false;
		}
		String lowerWord = word.strip().toLowerCase(Locale.ROOT);
		if (lowerPassword.contains(lowerWord)) {
			return true;
		}
		String bareWord = lettersAndDigits(lowerWord);
		return bareWord.length() >= SHORTEST_WORD && lettersAndDigits(lowerPassword).contains(bareWord);
	}

	private static String lettersAndDigits(String s) {
		StringBuilder kept = new StringBuilder(s.length());
		s.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
		return kept.toString();
	}

	/** One group of up to four characters over and over: aaaaaaaa, abababab, abcabcabc. */
	private static boolean repeated(String password) {
		for (int unit = 1; unit <= RUN && unit * 2 <= password.length(); unit++) {
			boolean repeats = true;
			for (int i = unit; i < password.length() && repeats; i++) {
				repeats = password.charAt(i) == password.charAt(i - unit);
			}
			if (repeats) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether runs of the keyboard or alphabet (and of one character, aaaa) cover all but fewer than
	 * {@link #RUN} characters: {@code qwertyuiop12}, {@code 1234567890ab}, {@code aaaa1234}.
	 */
	private static boolean mostlyRuns(String password) {
		boolean[] covered = new boolean[password.length()];
		for (int start = 0; start < password.length(); start++) {
			int end = Math.max(longestRunFrom(password, start), sameFrom(password, start));
			if (end - start >= RUN) {
				for (int i = start; i < end; i++) {
					covered[i] = true;
				}
			}
		}
		int left = 0;
		for (boolean c : covered) {
			left += c ? 0 : 1;
		}
		return left < RUN;
	}

	private static int longestRunFrom(String password, int start) {
		int best = start;
		for (String row : RUNS) {
			for (String line : new String[] { row, new StringBuilder(row).reverse().toString() }) {
				int end = start + 1;
				while (end <= password.length() && line.contains(password.substring(start, end))) {
					end++;
				}
				best = Math.max(best, end - 1);
			}
		}
		return best;
	}

	private static int sameFrom(String password, int start) {
		int end = start + 1;
		while (end < password.length() && password.charAt(end) == password.charAt(start)) {
			end++;
		}
		return end;
	}
}
