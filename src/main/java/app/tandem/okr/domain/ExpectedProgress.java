package app.tandem.okr.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where progress should be by instant t: e = clamp((t − cycleStart) / (due − cycleStart)) in whole
 * UTC days, so on the start date e = 0 and on the due date e = 1. Aspirational goals expect 0.7·e.
 */
public final class ExpectedProgress {

	public static final double ASPIRATIONAL_FACTOR = 0.7;

	private ExpectedProgress() {
	}

	public static double at(Instant t, LocalDate cycleStart, LocalDate due) {
		long elapsed = ChronoUnit.DAYS.between(cycleStart, Cycle.today(t));
		long span = ChronoUnit.DAYS.between(cycleStart, due);
		if (span <= 0) {
			return elapsed >= 0 ? 1 : 0;
		}
		return Fraction.clamp((double) elapsed / span);
	}

	public static double forType(double expected, ObjectiveType type) {
		return type == ObjectiveType.ASPIRATIONAL ? ASPIRATIONAL_FACTOR * expected : expected;
	}
}
