package app.tandem.kpi;

import java.time.Instant;

/** A KPI as the API answers it. */
public record KpiView(String id, String key, String name, String definition, String reason, String dataSource,
		String unit, String direction, Double target, Double warningThreshold, Double lowerBound, Double upperBound,
		Double warningMargin, String frequency, String indicator, String perspective, String aggregation,
		String formula, String teamId, String ownerId, Integer reviewEveryDays, Instant lastReviewedAt,
		Instant createdAt, long version) {
}
