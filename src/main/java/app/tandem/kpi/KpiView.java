package app.tandem.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.tandem.kpi.domain.KpiForecast;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.shared.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A KPI as the API answers it: its definition and what its measurements say (latest period
 * value, status, stale, trend per period, forecast), plus for formulas the inputs and for every KPI
 * the formulas that use it (the KPI tree), and what the coach says about it.
 */
public record KpiView(String id, String key, String name, String definition, String reason, String dataSource,
		String unit, String direction, Double target, Double warningThreshold, Double lowerBound, Double upperBound,
		Double warningMargin, String frequency, String indicator, String perspective, String aggregation,
		String formula, String teamId, String ownerId, Integer reviewEveryDays, Instant lastReviewedAt,
		Double latestValue, Instant latestAt, KpiStatus status, Boolean stale, Double trend, Forecast forecast,
		List<String> inputs, List<String> usedBy, Instant createdAt, long version, List<Finding> findings) {

	/** The stored reading with {@code stale} and the forecast's days as of now, and the KPI tree around it. */
	KpiView with(boolean stale, Forecast forecast, List<String> inputs, List<String> usedBy) {
		return new KpiView(id, key, name, definition, reason, dataSource, unit, direction, target, warningThreshold,
				lowerBound, upperBound, warningMargin, frequency, indicator, perspective, aggregation, formula, teamId,
				ownerId, reviewEveryDays, lastReviewedAt, latestValue, latestAt, status, stale, trend, forecast, inputs,
				usedBy, createdAt, version, findings);
	}

	/** The same KPI with what the coach says about it. */
	KpiView withFindings(List<Finding> findings) {
		return new KpiView(id, key, name, definition, reason, dataSource, unit, direction, target, warningThreshold,
				lowerBound, upperBound, warningMargin, frequency, indicator, perspective, aggregation, formula, teamId,
				ownerId, reviewEveryDays, lastReviewedAt, latestValue, latestAt, status, stale, trend, forecast, inputs,
				usedBy, createdAt, version, List.copyOf(findings));
	}

	/**
	 * The KPI's forecast (SPEC "Forecast"): without {@code available}, only {@code reason} says why. The days
	 * until a crossing count from now, whole days rounded up, 0 when the line has crossed already. Fields
	 * without a value are left out (unlike elsewhere in the API), as for key results' forecasts.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Forecast(boolean available, String reason, Integer periods, Instant at, Double projectedValue,
			Double low, Double high, Instant warningAt, Integer daysUntilWarning, Instant targetAt,
			Integer daysUntilTarget) {

		static Forecast of(KpiForecast f, Instant now) {
			return new Forecast(f.available(), f.reason(), f.periods(), f.at(), f.projectedValue(), f.low(), f.high(),
					f.warningAt(), daysUntil(f.warningAt(), now), f.targetAt(), daysUntil(f.targetAt(), now));
		}

		static Integer daysUntil(Instant at, Instant now) {
			if (at == null) {
				return null;
			}
			long micros = Duration.between(now, at).toNanos() / 1_000;
			long day = 86_400_000_000L;
			return micros <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (micros + day - 1) / day);
		}
	}
}
