package app.tandem.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.tandem.kpi.KpiCommands;
import app.tandem.kpi.KpiDefinition;
import app.tandem.kpi.domain.Formula;
import app.tandem.kpi.domain.FormulaException;
import app.tandem.kpi.domain.KpiGraph;
import jakarta.validation.Validator;

/**
 * What makes the library file sound: every entry, in English and in German, is a KPI the KPI module would accept
 * ({@link KpiDefinition#problems()} and the sizes of {@link KpiCommands.CreateKpi}); a formula parses, uses library
 * keys only and closes no circle; a vanity metric names an existing, non-vanity alternative.
 */
final class KpiLibraryCheck {

	/** The kpi table's name column. */
	private static final int NAME_LENGTH = 200;

	private KpiLibraryCheck() {
	}

	/** One line per problem, each starting with the entry's key; empty when the library is sound. */
	static List<String> problems(List<LibraryKpi> entries, Validator validator) {
		List<String> problems = new ArrayList<>();
		Map<String, LibraryKpi> byKey = new HashMap<>();
		for (LibraryKpi kpi : entries) {
			if (kpi.key() != null && byKey.put(kpi.key(), kpi) != null) {
				problems.add(kpi.key() + ": the key is used twice");
			}
		}
		Map<String, Set<String>> formulas = new HashMap<>();
		for (LibraryKpi kpi : entries) {
			String at = kpi.key() + ": ";
			checkAsKpi(kpi, validator).forEach(p -> problems.add(at + p));
			if (kpi.de() == null) {
				problems.add(at + "de: the German texts are missing");
			}
			else {
				checkAsKpi(kpi.in(Locale.GERMAN), validator).forEach(p -> problems.add(at + "de." + p));
			}
			if (!LibraryKpi.FUNCTIONS.contains(kpi.function())) {
				problems.add(at + "function must be one of " + LibraryKpi.FUNCTIONS);
			}
			for (String[] text : new String[][] { { "definition", kpi.definition() }, { "why", kpi.why() },
					{ "perspective", kpi.perspective() }, { "indicator", kpi.indicator() }, { "unit", kpi.unit() } }) {
				if (text[1] == null || text[1].isBlank()) {
					problems.add(at + text[0] + " is required in the library");
				}
			}
			if (kpi.formula() != null) {
				formulas.put(kpi.key(), references(kpi, byKey.keySet(), problems));
			}
			checkVanity(kpi, byKey, problems);
		}
		for (var formula : formulas.entrySet()) {
			List<String> cycle = KpiGraph.cycleThrough(formula.getKey(), formula.getValue(), formulas);
			if (!cycle.isEmpty()) {
				problems.add(formula.getKey() + ": the formula makes a cycle: " + String.join(" → ", cycle));
			}
		}
		return problems;
	}

	/** The rules the KPI module applies to a KPI created through its API. */
	private static List<String> checkAsKpi(LibraryKpi kpi, Validator validator) {
		List<String> problems = new ArrayList<>();
		var definition = new KpiDefinition(null, kpi.key(), kpi.name(), kpi.definition(), kpi.why(), kpi.dataSource(),
				kpi.unit(), kpi.direction(), kpi.target(), kpi.warningThreshold(), kpi.lowerBound(), kpi.upperBound(),
				kpi.warningMargin(), kpi.frequency(), kpi.indicator(), kpi.perspective(), kpi.aggregation(),
				kpi.formula(), null, null, null, null);
		definition.problems().forEach(p -> problems.add(p[0] + " " + p[1]));
		validator.validate(KpiLibrary.command(kpi, kpi.key(), null, null))
			.forEach(v -> problems.add(v.getPropertyPath() + " " + v.getMessage()));
		if (kpi.name() != null && kpi.name().length() > NAME_LENGTH) {
			problems.add("name is longer than " + NAME_LENGTH + " characters");
		}
		return problems;
	}

	private static Set<String> references(LibraryKpi kpi, Set<String> keys, List<String> problems) {
		try {
			Set<String> references = Formula.parse(kpi.formula()).references();
			for (String input : references) {
				if (!keys.contains(input)) {
					problems.add(kpi.key() + ": the formula uses {" + input + "}, which is not in the library");
				}
			}
			return new LinkedHashSet<>(references);
		}
		catch (FormulaException e) {
			problems.add(kpi.key() + ": the formula does not parse: " + e.getMessage());
			return new HashSet<>();
		}
	}

	/** A vanity metric is a total without a rate: no formula, and a better alternative that is no vanity itself. */
	private static void checkVanity(LibraryKpi kpi, Map<String, LibraryKpi> byKey, List<String> problems) {
		String at = kpi.key() + ": ";
		if (!kpi.vanity()) {
			if (kpi.betterAlternative() != null) {
				problems.add(at + "betterAlternative is only for vanity metrics");
			}
			return;
		}
		if (kpi.formula() != null) {
			problems.add(at + "a vanity metric is a total, not a formula");
		}
		LibraryKpi alternative = kpi.betterAlternative() == null ? null : byKey.get(kpi.betterAlternative());
		if (alternative == null) {
			problems.add(at + "betterAlternative must name a KPI of the library");
		}
		else if (alternative.vanity()) {
			problems.add(at + "betterAlternative " + alternative.key() + " is a vanity metric itself");
		}
	}
}
