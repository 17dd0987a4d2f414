package app.tandem.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers as the pages write them, in the page's language: thousands grouped, at most two decimals and none that
 * are zero (40,000 visitors, 87.5 % in English; 40.000 Besucher, 87,5 % in German), so that a value reads the same
 * on every page. Scores and grades keep their two decimals (0.70, 0,70). Templates call it as
 * {@code ${@num.of(value)}}.
 */
@Component("num")
public class Numbers {

	/** The number, or – without one. */
	public String of(Double value) {
		return value == null ? "–" : format("#,##0.##", value);
	}

	/** With one decimal at most: a projection, not a measurement. */
	public String rough(Double value) {
		return value == null ? "–" : format("#,##0.#", value);
	}

	/** A score or grade between 0 and 1, with its two decimals. */
	public String score(Double value) {
		return value == null ? "–" : format("0.00", value);
	}

	/** A fraction (0 to 1) as whole percent, without the sign. */
	public String percent(Double fraction) {
		return fraction == null ? "–" : format("#,##0", fraction * 100);
	}

	private static String format(String pattern, double value) {
		Locale locale = LocaleContextHolder.getLocale();
		String text = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(value);
		// -0 is 0 to a reader
		return text.matches("-0([.,]0+)?") ? text.substring(1) : text;
	}
}
