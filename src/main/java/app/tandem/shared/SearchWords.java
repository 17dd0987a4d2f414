package app.tandem.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a person typed into a search, as the words every title found must hold (lower case, at most ten), and each
 * word as a SQL {@code LIKE} pattern that finds it anywhere, its wildcards taken literally ({@code escape '!'}).
 */
public final class SearchWords {

	private SearchWords() {
	}

	public static List<String> of(String typed) {
		return typed == null || typed.isBlank() ? List.of()
				: Arrays.stream(typed.strip().toLowerCase(Locale.ROOT).split("\\s+")).limit(10).toList();
	}

	/** {@code %word%} with {@code %}, {@code _} and the escape {@code !} itself escaped: use with {@code escape '!'}. */
	public static String containing(String word) {
		return "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}
}
