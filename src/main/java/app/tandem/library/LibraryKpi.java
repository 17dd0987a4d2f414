package app.tandem.library;

import java.util.List;
import java.util.Locale;

import app.tandem.kpi.domain.Formula;
import app.tandem.kpi.domain.FormulaException;

/**
 * One KPI of the library as the data file has it: a KPI definition (without team or owner) with the function it
 * belongs to, an example target, and for classic vanity metrics (totals without a rate) the better alternative.
 * English texts, with the German ones in {@code de}.
 */
public record LibraryKpi(String key, String name, String function, String definition, String why, String dataSource,
		String unit, String direction, String frequency, String indicator, String perspective, String aggregation,
		Double target, Double warningThreshold, Double lowerBound, Double upperBound, Double warningMargin,
		String formula, boolean vanity, String betterAlternative, Texts de) {

	/** The functions of an organisation the library covers, in the order the page shows them. */
	public static final List<String> FUNCTIONS = List.of("SALES", "MARKETING", "FINANCE", "CUSTOMER", "PEOPLE",
			"OPERATIONS");

	/** The texts in another language; a missing unit keeps the English one (EUR and % read the same). */
	public record Texts(String name, String definition, String why, String unit) {
	}

	/** The same KPI with its texts in the language (German or else English). */
	public LibraryKpi in(Locale locale) {
		if (de == null || locale == null || !"de".equals(locale.getLanguage())) {
			return this;
		}
		return new LibraryKpi(key, de.name(), function, de.definition(), de.why(), dataSource,
				de.unit() == null ? unit : de.unit(), direction, frequency, indicator, perspective, aggregation, target,
				warningThreshold, lowerBound, upperBound, warningMargin, formula, vanity, betterAlternative, de);
	}

	/** The keys the formula uses, in order of first appearance; none without a formula (or with a broken one). */
	public List<String> inputs() {
		if (formula == null) {
			return List.of();
		}
		try {
			return List.copyOf(Formula.parse(formula).references());
		}
		catch (FormulaException e) {
			return List.of();
		}
	}

	/** Whether the words appear in its name or definition, in either language (ignoring case). */
	boolean mentions(String words) {
		String q = words.strip().toLowerCase(Locale.ROOT);
		return contains(name, q) || contains(definition, q)
				|| de != null && (contains(de.name(), q) || contains(de.definition(), q));
	}

	private static boolean contains(String text, String q) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(q);
	}
}
