package app.tandem.templates;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;

/**
 * An example objective with its key results, as the library file writes it: what adopting it copies into a
 * cycle. Start values and targets are examples, to be set to the team's own before publishing.
 */
public record OkrTemplate(String key, BusinessFunction function, Level level, ObjectiveType type, String title,
		String description, List<KeyResult> keyResults) {

	public OkrTemplate {
		keyResults = keyResults == null ? List.of() : List.copyOf(keyResults);
	}

	/** A key result as written: start and target for INCREASE and DECREASE, min and max for THRESHOLD. */
	public record KeyResult(String title, KeyResultType type, String unit, Double start, Double target, Double min,
			Double max) {

		/** A value as the page writes it in the reader's language: 420,000 or 420.000; 2.5 or 2,5. */
		public String show(Double value, Locale locale) {
			return value == null ? "" : new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale))
				.format(value);
		}

		/**
		 * Whether the title already names both numbers ("Grow revenue from 2.4 M to 2.9 M", "between 90 % and
		 * 110 %"): the page then does not repeat them after it.
		 */
		public boolean titleSaysItsNumbers() {
			Double low = start != null ? start : min;
			Double high = target != null ? target : max;
			if (low == null || high == null || title == null) {
				return false;
			}
			// thousands separators out (18,000 and 18.000), a decimal comma made a point (2,4), then everything but
			// the numbers (a sentence's full stop too)
			String plain = " " + title.replaceAll("(\\d)[.,](\\d{3})(?!\\d)", "$1$2").replaceAll("(\\d),(\\d)", "$1.$2")
				.replaceAll("\\.(?!\\d)", " ").replaceAll("[^0-9.]+", " ") + " ";
			return plain.contains(" " + number(low) + " ") && plain.contains(" " + number(high) + " ");
		}

		private static String number(double value) {
			return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
	}

	/**
	 * The same template in another language's words ({@code words}: title, description, and per key result its
	 * title and, where it is a word, its unit); numbers, kinds and everything else stay.
	 */
	OkrTemplate in(Words words) {
		List<KeyResult> translated = new java.util.ArrayList<>();
		for (int i = 0; i < keyResults.size(); i++) {
			KeyResult kr = keyResults.get(i);
			Words.KeyResultWords w = words.keyResults().get(i);
			translated.add(new KeyResult(w.title(), kr.type(), w.unit() != null ? w.unit() : kr.unit(), kr.start(),
					kr.target(), kr.min(), kr.max()));
		}
		return new OkrTemplate(key, function, level, type, words.title(), words.description(), translated);
	}

	/** A template's words in another language, as {@code okrs_de.yaml} writes them. */
	record Words(String title, String description, List<KeyResultWords> keyResults) {

		record KeyResultWords(String title, String unit) {
		}
	}

	/** Whether the words (already lower case) occur in its title, description or a key result's title. */
	boolean mentions(String words) {
		if (contains(title, words) || contains(description, words)) {
			return true;
		}
		return keyResults.stream().anyMatch(kr -> contains(kr.title(), words));
	}

	private static boolean contains(String text, String words) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(words);
	}
}
