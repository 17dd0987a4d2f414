package app.tandem.corpus;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every answer of the corpus must pass. */
enum Check {

	SERVER_ERROR("a 5xx"),
	INTERNALS("a Java class name or stack trace in the body"),
	NOT_PROBLEM("a 4xx under /api that is not application/problem+json"),
	STORED_ON_REFUSAL("a refused request stored a change"),
	READ_STORED("a read stored a change"),
	ACCEPTED_INVALID("invalid input or a caller without the right was answered 2xx"),
	NOT_SIGNED_OUT("no valid credentials, yet not 401"),
	RETRY_CONFLICT("409 \"try again\" where nothing ran concurrently (a database error)"),
	OVERSIZED_ANSWER("a refusal longer than 16 KB (an echoed value)"),
	SLOW("slower than 10 s"),
	DATABASES_DIFFER("the status differs between H2 and PostgreSQL"),
	BACKUP_ROUND_TRIP("the instance's backup does not restore into a fresh PostgreSQL instance as it was");

	static final int OVERSIZED = 16 * 1024;

	static final long SLOW_MILLIS = 10_000;

	private static final Pattern INTERNAL = Pattern.compile("java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml"
			+ "|org\\.springframework|org\\.h2|org\\.postgresql|Exception\\b|\\[L[a-z]|\\tat ");

	/** The whole word around a match: {@code java.lang.String}, {@code CSVException}. */
	private static final Pattern WORD = Pattern.compile("[\\w.$\\[;@]+");

	final String meaning;

	Check(String meaning) {
		this.meaning = meaning;
	}

	/** The internal names in a text (stack frames, class names), each as the word it stands in. */
	static Set<String> internals(String text) {
		Set<String> words = new TreeSet<>();
		Matcher m = INTERNAL.matcher(text);
		while (m.find()) {
			words.add(wordAround(text, m.start(), m.end()));
		}
		return words;
	}

	private static String wordAround(String text, int start, int end) {
		int from = start;
		while (from > 0 && WORD.matcher(text.substring(from - 1, from)).matches()) {
			from--;
		}
		int to = end;
		while (to < text.length() && WORD.matcher(text.substring(to, to + 1)).matches()) {
			to++;
		}
		String word = text.substring(from, to).strip();
		return word.isEmpty() ? text.substring(start, end) : word;
	}
}
