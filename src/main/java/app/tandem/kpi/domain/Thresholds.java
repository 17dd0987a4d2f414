package app.tandem.kpi.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A KPI's direction with its target and warning threshold (HIGHER_IS_BETTER, LOWER_IS_BETTER) or its bounds and
 * warning margin (WITHIN_RANGE); the fields of the other kind are ignored.
 * <p>
 * Boundaries are inclusive, as SPEC words them: v = target is GREEN, v = warning threshold is AMBER, v = lower −
 * margin is AMBER. Without a target (or without either bound) every value is NO_DATA: there is nothing to judge it
 * against. Without a warning threshold, or with a null margin (taken as 0), AMBER cannot happen. A warning
 * threshold on the wrong side of the target leaves an empty AMBER band as well: the rules apply as written.
 */
public record Thresholds(Direction direction, Double target, Double warningThreshold, Double lowerBound,
		Double upperBound, Double warningMargin) {

	public Thresholds {
		Objects.requireNonNull(direction, "direction");
		if (Stream.of(target, warningThreshold, lowerBound, upperBound, warningMargin)
			.anyMatch(t -> t != null && !Double.isFinite(t))) {
			throw new IllegalArgumentException("thresholds must be finite numbers");
		}
	}

	/** The status of a period value; NO_DATA for null (or NaN), and for a KPI without the needed target or bounds. */
	public KpiStatus statusOf(Double value) {
		if (value == null || value.isNaN()) {
			return KpiStatus.NO_DATA;
		}
		double v = value;
		return switch (direction) {
			case HIGHER_IS_BETTER -> higherIsBetter(v);
			case LOWER_IS_BETTER -> lowerIsBetter(v);
			case WITHIN_RANGE -> withinRange(v);
		};
	}

	private KpiStatus higherIsBetter(double v) {
		if (target == null) {
			return KpiStatus.NO_DATA;
		}
		if (v >= target) {
			return KpiStatus.GREEN;
		}
		return warningThreshold != null && v >= warningThreshold ? KpiStatus.AMBER : KpiStatus.RED;
	}

	private KpiStatus lowerIsBetter(double v) {
		if (target == null) {
			return KpiStatus.NO_DATA;
		}
		if (v <= target) {
			return KpiStatus.GREEN;
		}
		return warningThreshold != null && v <= warningThreshold ? KpiStatus.AMBER : KpiStatus.RED;
	}

	private KpiStatus withinRange(double v) {
		if (lowerBound == null || upperBound == null) {
			return KpiStatus.NO_DATA;
		}
		if (lowerBound <= v && v <= upperBound) {
			return KpiStatus.GREEN;
		}
		if (warningMargin == null || Double.isInfinite(v)) {
			return KpiStatus.RED;
		}
		// bound ± margin in decimal, as the user typed them: in binary 1.1 − 0.2 is 0.9000000000000001, above 0.9
		BigDecimal at = BigDecimal.valueOf(v);
		BigDecimal margin = BigDecimal.valueOf(warningMargin);
		boolean nearRange = at.compareTo(BigDecimal.valueOf(lowerBound).subtract(margin)) >= 0
				&& at.compareTo(BigDecimal.valueOf(upperBound).add(margin)) <= 0;
		return nearRange ? KpiStatus.AMBER : KpiStatus.RED;
	}
}
