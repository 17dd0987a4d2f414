package app.tandem.kpi;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** What clients send to define KPIs. Enumerations arrive as text and are checked with their field names. */
public final class KpiCommands {

	private KpiCommands() {
	}

	public record CreateKpi(String key, String name, @Size(max = 4000) String definition, @Size(max = 4000) String reason,
			@Size(max = 1000) String dataSource, @Size(max = 50) String unit, String direction, Double target,
			Double warningThreshold, Double lowerBound, Double upperBound, Double warningMargin, String frequency,
			String indicator, String perspective, String aggregation, @Size(max = 2000) String formula, String teamId,
			String ownerId, Integer reviewEveryDays, Instant lastReviewedAt) {
	}

	/** Absent fields stay; {@code ""} clears formula, teamId or ownerId. */
	public record UpdateKpi(String name, @Size(max = 4000) String definition, @Size(max = 4000) String reason,
			@Size(max = 1000) String dataSource, @Size(max = 50) String unit, String direction, Double target,
			Double warningThreshold, Double lowerBound, Double upperBound, Double warningMargin, String frequency,
			String indicator, String perspective, String aggregation, @Size(max = 2000) String formula, String teamId,
			String ownerId, Integer reviewEveryDays, Instant lastReviewedAt, Long version) {
	}
}
