package app.tandem.comment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

	/** A stretch of a comment's text; {@code username} is set when it is a mention ({@code text} is then "@name"). */
	record Part(String text, String username) {
	}

	static Set<String> in(String body) {
		Set<String> names = new LinkedHashSet<>();
		for (Part part : parts(body)) {
			if (part.username() != null) {
				names.add(part.username());
			}
		}
		return names;
	}

	/** The text cut into plain stretches and mentions, in order; joined, the parts give the text back. */
	static List<Part> parts(String body) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = MENTION.matcher(body);
		int from = 0;
		while (matcher.find()) {
			String name = matcher.group(1).replaceAll("[.\\-]+$", "");
			if (name.isEmpty()) {
				continue;
			}
			int end = matcher.start(1) + name.length();
			if (matcher.start() > from) {
				parts.add(new Part(body.substring(from, matcher.start()), null));
			}
			parts.add(new Part(body.substring(matcher.start(), end), name));
			from = end;
		}
		if (from < body.length()) {
			parts.add(new Part(body.substring(from), null));
		}
		return parts;
	}
}
