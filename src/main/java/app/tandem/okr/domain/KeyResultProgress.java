package app.tandem.okr.domain;

/** Progress p ∈ [0, 1] of one key result, per type (SPEC §1). */
public final class KeyResultProgress {

	private KeyResultProgress() {
	}

	/** {@code current}: the latest value, or the start value when nothing has been checked in. */
	public static Double current(KeyResultDefinition kr, Measured measured) {
		if (measured.hasValue()) {
			return measured.latestValue();
		}
		return kr.type().hasStartAndTarget() ? kr.startValue() : null;
	}

	public static double of(KeyResultDefinition kr, Measured measured) {
		return switch (kr.type()) {
			case INCREASE, DECREASE -> {
				double current = current(kr, measured);
				double start = kr.startValue();
				double target = kr.targetValue();
				if (Double.isInfinite(target - start)) {
					// Values near ±Double.MAX_VALUE: halve them all so that the differences stay finite.
					current /= 2;
					start /= 2;
					target /= 2;
				}
				yield Fraction.clamp((current - start) / (target - start));
			}
			case THRESHOLD -> measured.cycleCheckIns() == 0 ? 0
					: Fraction.clamp((double) measured.inRangeCheckIns() / measured.cycleCheckIns());
			case MILESTONE -> Boolean.TRUE.equals(measured.latestAchieved()) ? 1 : 0;
			case BASELINE -> measured.hasValue() ? 1 : 0;
		};
	}

	/** Whether a value counts as "in range" for a THRESHOLD key result. */
	public static boolean inRange(KeyResultDefinition kr, double value) {
		return kr.minValue() != null && kr.maxValue() != null && value >= kr.minValue() && value <= kr.maxValue();
	}
}
