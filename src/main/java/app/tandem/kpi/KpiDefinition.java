package app.tandem.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.tandem.shared.Magnitudes;

/** Every field SPEC §1 gives a KPI. Enumerations are kept as their names and checked by {@link #problems()}. */
public record KpiDefinition(UUID id, String key, String name, String definition, String reason, String dataSource,
		String unit, String direction, Double target, Double warningThreshold, Double lowerBound, Double upperBound,
		Double warningMargin, String frequency, String indicator, String perspective, String aggregation,
		String formula, UUID teamId, UUID ownerId, Integer reviewEveryDays, Instant lastReviewedAt) {

	/** Words the pages' addresses use beside KPI keys ({@code /kpis/new}, {@code /kpis/tree}). */
	static final Set<String> RESERVED_KEYS = Set.of("new", "tree");

	static final Set<String> DIRECTIONS = Set.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER", "WITHIN_RANGE");

	static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY");

	static final Set<String> INDICATORS = Set.of("LEADING", "LAGGING");

	static final Set<String> PERSPECTIVES = Set.of("FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS", "LEARNING_AND_GROWTH");

	static final Set<String> AGGREGATIONS = Set.of("LAST", "SUM", "AVG", "MIN", "MAX");

	/** field → message pairs, empty when the definition is valid. */
	public List<String[]> problems() {
		List<String[]> problems = new ArrayList<>();
		if (key == null || !key.matches("[a-z0-9][a-z0-9-]*") || key.length() > 100) {
			problems.add(new String[] { "key", "must be a slug: lower-case letters, digits and -" });
		}
		else if (RESERVED_KEYS.contains(key)) {
			problems.add(new String[] { "key", "must not be " + key + ": the web app's pages use that word (/kpis/" + key + ")" });
		}
		if (name == null || name.isBlank()) {
			problems.add(new String[] { "name", "is required" });
		}
		oneOf(problems, "direction", direction, DIRECTIONS, true);
		oneOf(problems, "frequency", frequency, FREQUENCIES, true);
		oneOf(problems, "aggregation", aggregation, AGGREGATIONS, true);
		oneOf(problems, "indicator", indicator, INDICATORS, false);
		oneOf(problems, "perspective", perspective, PERSPECTIVES, false);
		for (var number : new Object[][] { { "target", target }, { "warningThreshold", warningThreshold },
				{ "lowerBound", lowerBound }, { "upperBound", upperBound }, { "warningMargin", warningMargin } }) {
			Double value = (Double) number[1];
			String problem = value == null ? null : Magnitudes.problem(value);
			if (problem != null) {
				problems.add(new String[] { (String) number[0], problem });
			}
		}
		if ("WITHIN_RANGE".equals(direction)) {
			if (lowerBound == null || upperBound == null) {
				problems.add(new String[] { "lowerBound", "WITHIN_RANGE needs lowerBound and upperBound" });
			}
			else if (lowerBound > upperBound) {
				problems.add(new String[] { "upperBound", "must not be below lowerBound" });
			}
			if (warningMargin != null && warningMargin < 0) {
				problems.add(new String[] { "warningMargin", "must not be negative" });
			}
		}
		else if (target != null && warningThreshold != null) {
			if ("HIGHER_IS_BETTER".equals(direction) && warningThreshold > target) {
				problems.add(new String[] { "warningThreshold", "must not be above the target when higher is better" });
			}
			if ("LOWER_IS_BETTER".equals(direction) && warningThreshold < target) {
				problems.add(new String[] { "warningThreshold", "must not be below the target when lower is better" });
			}
		}
		if (reviewEveryDays != null && reviewEveryDays < 1) {
			problems.add(new String[] { "reviewEveryDays", "must be at least 1" });
		}
		return problems;
	}

	private static void oneOf(List<String[]> problems, String field, String value, Set<String> allowed,
			boolean required) {
		if (value == null) {
			if (required) {
				problems.add(new String[] { field, "is required" });
			}
		}
		else if (!allowed.contains(value)) {
			problems.add(new String[] { field, "must be one of " + allowed.stream().sorted().toList() });
		}
	}
}
