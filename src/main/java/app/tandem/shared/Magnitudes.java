package app.tandem.shared;

/**
 * The numbers a person or a feed may enter (values, targets, thresholds, weights): finite and within
 * ±{@value #MAX}. Beyond that no OKR or KPI is meant, and the derived sums kept on rows (squares of
 * differences over many check-ins or measurements) could overflow to infinity, which a backup cannot
 * carry (SPEC: numbers). Nor closer to 0 than ±{@value #MIN} (other than 0): PostgreSQL refuses to store
 * such subnormal doubles where H2 takes them, so the two databases would answer differently.
 */
public final class Magnitudes {

	public static final double MAX = 1e15;

	public static final double MIN = 1e-300;

	public static final double MAX_WEIGHT = 100;

	private Magnitudes() {
	}

	public static boolean accepted(double value) {
		return Double.isFinite(value) && Math.abs(value) <= MAX && (value == 0 || Math.abs(value) >= MIN);
	}

	/** What is wrong with a number entered, or null when it is {@link #accepted}. */
	public static String problem(double value) {
		if (Double.isNaN(value)) {
			return "must be a finite number";
		}
		if (!(Math.abs(value) <= MAX)) {
			// 1e400 is read as infinity: too large, as 1e16 is
			return "must lie between -1e15 and 1e15";
		}
		return accepted(value) ? null : "must be 0 or at least 1e-300 away from it";
	}

	/** Adds a problem for a value that is not {@link #accepted}; null is left to the caller. */
	public static void check(InvalidInputException.Collector problems, String field, Double value) {
		String problem = value == null ? null : problem(value);
		if (problem != null) {
			problems.add(field, problem);
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
