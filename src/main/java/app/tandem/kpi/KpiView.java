package app.tandem.kpi;

import java.time.Instant;
import java.util.List;

import app.tandem.kpi.domain.KpiStatus;
import app.tandem.shared.Finding;

/**
 * A KPI as the API answers it: its definition and what its measurements say (latest period
 * value, status, stale, trend per period), plus for formulas the inputs and for every KPI the
 * formulas that use it (the KPI tree), and what the coach says about it.
 */
public record KpiView(String id, String key, String name, String definition, String reason, String dataSource,
		String unit, String direction, Double target, Double warningThreshold, Double lowerBound, Double upperBound,
		Double warningMargin, String frequency, String indicator, String perspective, String aggregation,
		String formula, String teamId, String ownerId, Integer reviewEveryDays, Instant lastReviewedAt,
		Double latestValue, Instant latestAt, KpiStatus status, Boolean stale, Double trend, List<String> inputs,
		List<String> usedBy, Instant createdAt, long version, List<Finding> findings) {

	/** The stored reading with {@code stale} as of now, and the KPI tree around it. */
	KpiView with(boolean stale, List<String> inputs, List<String> usedBy) {
		return new KpiView(id, key, name, definition, reason, dataSource, unit, direction, target, warningThreshold,
				lowerBound, upperBound, warningMargin, frequency, indicator, perspective, aggregation, formula, teamId,
				ownerId, reviewEveryDays, lastReviewedAt, latestValue, latestAt, status, stale, trend, inputs, usedBy,
				createdAt, version, findings);
	}

	/** The same KPI with what the coach says about it. */
	KpiView withFindings(List<Finding> findings) {
		return new KpiView(id, key, name, definition, reason, dataSource, unit, direction, target, warningThreshold,
				lowerBound, upperBound, warningMargin, frequency, indicator, perspective, aggregation, formula, teamId,
				ownerId, reviewEveryDays, lastReviewedAt, latestValue, latestAt, status, stale, trend, inputs, usedBy,
				createdAt, version, List.copyOf(findings));
	}
}
