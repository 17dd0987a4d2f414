package app.tandem.okr;

import app.tandem.shared.InvalidInputException;

/** JSON allows numbers that a measurement cannot be: NaN and infinities (1e400) are refused. */
final class Finite {

	private Finite() {
	}

	static void check(InvalidInputException.Collector problems, String field, Double value) {
		if (value != null && !Double.isFinite(value)) {
			problems.add(field, "must be a finite number");
		}
	}
}
