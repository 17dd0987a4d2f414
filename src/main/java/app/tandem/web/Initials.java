package app.tandem.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A person's initials on a round badge ("Dana Ortiz" → DO), and one of eight colours chosen by the name, so that the
 * same person looks the same everywhere. Templates call {@code ${@initials.of(name)}} and
 * {@code ${@initials.colour(name)}} (a class: the pages carry no inline style).
 */
@Component
public class Initials {

	public String of(String name) {
		if (name == null || name.isBlank()) {
			return "?";
		}
		String[] words = name.strip().split("\\s+");
		String first = words[0].substring(0, words[0].offsetByCodePoints(0, 1));
		String last = words.length < 2 ? "" : words[words.length - 1].substring(0,
				words[words.length - 1].offsetByCodePoints(0, 1));
		return (first + last).toUpperCase(Locale.ROOT);
	}

	public String colour(String name) {
		return "avatar-" + Math.floorMod(name == null ? 0 : name.hashCode(), 8);
	}
}
