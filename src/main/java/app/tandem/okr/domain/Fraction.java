package app.tandem.okr.domain;

/** Arithmetic on shares of one. */
final class Fraction {

	private Fraction() {
	}

	static double clamp(double value) {
		if (Double.isNaN(value)) {
			return 0;
		}
		return Math.max(0, Math.min(1, value));
	}
}
