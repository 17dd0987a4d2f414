package app.tandem.kpi.web;

import java.util.Map;

import app.tandem.kpi.KpiCommands;
import app.tandem.kpi.KpiView;
import app.tandem.shared.TypedNumbers;

/**
 * The new- and edit-KPI form as typed (numbers as text, so a refused form comes back as it was). The service checks
 * the rest (choices, thresholds against the direction, the formula, rights) and answers with the same field names.
 */
record KpiForm(String key, String name, String definition, String reason, String dataSource, String unit,
		String direction, String target, String warningThreshold, String lowerBound, String upperBound,
		String warningMargin, String frequency, String aggregation, String reviewEveryDays, String ownerId,
		String teamId, String indicator, String perspective, String formula, Long version) {

	static KpiForm empty(String teamId, String ownerId) {
		return new KpiForm("", "", "", "", "", "", "HIGHER_IS_BETTER", "", "", "", "", "", "WEEKLY", "LAST", "",
				ownerId, teamId, "", "", "", null);
	}

	static KpiForm of(KpiView k) {
		return new KpiForm(k.key(), k.name(), text(k.definition()), text(k.reason()), text(k.dataSource()),
				text(k.unit()), k.direction(), number(k.target()), number(k.warningThreshold()), number(k.lowerBound()),
				number(k.upperBound()), number(k.warningMargin()), k.frequency(), k.aggregation(),
				k.reviewEveryDays() == null ? "" : k.reviewEveryDays().toString(), text(k.ownerId()), text(k.teamId()),
				text(k.indicator()), text(k.perspective()), text(k.formula()), k.version());
	}

	KpiCommands.CreateKpi create(Map<String, String> errors) {
		Numbers n = numbers(errors);
		return errors.isEmpty() ? new KpiCommands.CreateKpi(strip(key), strip(name), blankToNull(definition),
				blankToNull(reason), blankToNull(dataSource), blankToNull(unit), direction, n.target, n.warning, n.lower,
				n.upper, n.margin, frequency, blankToNull(indicator), blankToNull(perspective), aggregation,
				blankToNull(formula), blankToNull(teamId), blankToNull(ownerId), n.review, null) : null;
	}

	/**
	 * Every field is sent as typed: a cleared text, team, owner or formula is cleared (the API's {@code ""}); a
	 * cleared number is left as it was, since the API cannot clear one.
	 */
	KpiCommands.UpdateKpi update(Map<String, String> errors) {
		Numbers n = numbers(errors);
		return errors.isEmpty() ? new KpiCommands.UpdateKpi(strip(name), strip(definition), strip(reason),
				strip(dataSource), strip(unit), direction, n.target, n.warning, n.lower, n.upper, n.margin, frequency,
				blankToNull(indicator), blankToNull(perspective), aggregation, strip(formula), strip(teamId),
				strip(ownerId), n.review, null, version) : null;
	}

	private record Numbers(Double target, Double warning, Double lower, Double upper, Double margin, Integer review) {
	}

	private Numbers numbers(Map<String, String> errors) {
		Integer review = null;
		if (reviewEveryDays != null && !reviewEveryDays.isBlank()) {
			try {
				review = Integer.valueOf(reviewEveryDays.strip());
			}
			catch (NumberFormatException e) {
				errors.put("reviewEveryDays", "Enter a whole number of days, such as 30.");
			}
		}
		return new Numbers(number(target, "target", errors), number(warningThreshold, "warningThreshold", errors),
				number(lowerBound, "lowerBound", errors), number(upperBound, "upperBound", errors),
				number(warningMargin, "warningMargin", errors), review);
	}

	private static Double number(String typed, String field, Map<String, String> errors) {
		return TypedNumbers.field(typed, field, errors);
	}

	private static String number(Double value) {
		return value == null ? "" : KpiNumbers.INSTANCE.plain(value);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static String strip(String s) {
		return s == null ? null : s.strip();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
