package app.tandem.coach.domain;

import java.math.BigDecimal;
import java.util.List;

/** How messages write titles, numbers and lists. */
final class Words {

	private Words() {
	}

	/** The text, or "" for none: what a finding's wording is filled with in place of a missing title. */
	static String text(String text) {
		return text == null ? "" : text;
	}

	static String quoted(String text) {
		return "\"" + (text == null ? "" : text) + "\"";
	}

	/** 40 rather than 40.0; 99.5 as it is. */
	static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** "a", "a and b", "a, b and c". */
	static String and(List<String> items) {
		if (items.size() <= 1) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
