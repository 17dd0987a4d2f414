package app.tandem.kpi.domain;

import java.time.Instant;
import java.util.Objects;

/** One measurement of a KPI: a value at an instant. */
public record Point(Instant at, double value) {

	/** A NaN or infinite value would poison every sum, average and status computed from it. */
	public Point {
		Objects.requireNonNull(at, "at");
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("a measurement must be a finite number, not " + value);
		}
	}
}
