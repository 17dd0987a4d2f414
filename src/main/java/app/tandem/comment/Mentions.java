package app.tandem.comment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usernames a comment mentions: {@code @ann}, {@code @ann.lee}, {@code @ann@acme.org}, not the
 * middle of an e-mail address ({@code ann@acme.org} mentions nobody), and without the full stop
 * that ends a sentence.
 */
final class Mentions {

	private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9._@-])@([A-Za-z0-9._-]+(?:@[A-Za-z0-9._-]+)?)");

	private Mentions() {
	}

	static Set<String> in(String body) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(body);
		while (matcher.find()) {
			String name = matcher.group(1).replaceAll("[.\\-]+$", "");
			if (!name.isEmpty()) {
				names.add(name);
			}
		}
		return names;
	}
}
