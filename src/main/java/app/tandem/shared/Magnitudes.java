package app.tandem.shared;

/**
 * The numbers a person or a feed may enter (values, targets, thresholds, weights): finite and within
 * ±{@value #MAX}. Beyond that no OKR or KPI is meant, and the derived sums kept on rows (squares of
 * differences over many check-ins or measurements) could overflow to infinity, which a backup cannot
 * carry (SPEC: numbers).
 */
public final class Magnitudes {

	public static final double MAX = 1e15;

	public static final double MAX_WEIGHT = 100;

	private Magnitudes() {
	}

	public static boolean accepted(double value) {
		return Double.isFinite(value) && Math.abs(value) <= MAX;
	}

	/** Adds a problem for a value that is not finite or lies beyond ±{@value #MAX}; null is left to the caller. */
	public static void check(InvalidInputException.Collector problems, String field, Double value) {
		if (value == null) {
			return;
		}
		if (!Double.isFinite(value)) {
			problems.add(field, "must be a finite number");
		}
		else if (Math.abs(value) > MAX) {
			problems.add(field, "must lie between -1e15 and 1e15");
		}
	}

	/** A weight is more than 0 and at most {@value #MAX_WEIGHT}. */
	public static void checkWeight(InvalidInputException.Collector problems, String field, Double weight) {
		if (weight == null) {
			return;
		}
		if (!Double.isFinite(weight) || weight <= 0 || weight > MAX_WEIGHT) {
			problems.add(field, "must be more than 0 and at most 100");
		}
	}
}
