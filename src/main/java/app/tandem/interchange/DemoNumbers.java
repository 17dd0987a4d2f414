package app.tandem.interchange;

import java.util.Locale;
import java.util.Set;

/**
 * Numbers the demo makes up, written as the thing they count is counted: visitors, leads and customers whole,
 * percentages within 0 to 100 with one decimal, money whole, hours with one decimal. A prospect reads "89.54
 * customers" or "uptime 104.82 %" as a prototype's.
 */
final class DemoNumbers {

	/** Units that are not counted in whole things. */
	private static final Set<String> MEASURED = Set.of("hours", "h", "days", "minutes", "score", "points", "ratio");

	private static final Set<String> MONEY = Set.of("usd", "eur", "gbp", "chf", "$", "€", "£");

	private DemoNumbers() {
	}

	static double plausible(double value, String unit) {
		String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
		if (u.startsWith("%")) {
			return Math.round(Math.max(0, Math.min(100, value)) * 10) / 10.0;
		}
		if (u.isEmpty() || MEASURED.contains(u)) {
			return Math.round(value * 10) / 10.0;
		}
		// money and things counted: whole, and never fewer than none
		return MONEY.contains(u) ? Math.round(value) : Math.max(0, Math.round(value));
	}
}
