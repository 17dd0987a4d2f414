package app.tandem.kpi.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The instants a measurement may carry: not before {@link #EARLIEST}, and not more than {@link #CLOCK_SKEW} after
 * now. A value dated in the future would stay the KPI's latest for good (its status would no longer follow new
 * values, and it could never go stale); one dated in year -999999999 is a typo, not history.
 */
public final class MeasurementInstants {

	/** No KPI's series reaches further back; older rows are mistakes (a year typed 0026, a lost digit). */
	public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

	/** A feed's clock may run a little ahead of ours. */
	public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private MeasurementInstants() {
	}

	/** What is wrong with a measurement at {@code at} when it arrives at {@code now}; null when nothing is. */
	public static String problem(Instant at, Instant now) {
		if (at.isBefore(EARLIEST)) {
			return "lies before 1900-01-01";
		}
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			return "lies in the future (more than 5 minutes after " + now + ")";
		}
		return null;
	}
}
