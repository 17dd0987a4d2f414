package app.tandem.kpi.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the KPI pages write them, as the other pages do ({@code app.tandem.web.Numbers}), in the page's
 * language, with at most two decimals and none that are zero: 40,000 visitors, 87.5 % (40.000, 87,5 in German).
 */
final class KpiNumbers {

	static final KpiNumbers INSTANCE = new KpiNumbers();

	private KpiNumbers() {
	}

	/** The number, or – without one. */
	public String format(Double value) {
		if (value == null) {
			return "–";
		}
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		String text = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale)).format(value);
		return text.matches("-0([.,]0+)?") ? text.substring(1) : text;
	}

	/** The number as a form field shows it for editing: no grouping, a point, no needless decimals. */
	public String plain(double value) {
		return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** A slope per period with its sign. */
	public String signed(Double value) {
		return value == null ? "–" : (value > 0 ? "+" : "") + format(value);
	}
}
