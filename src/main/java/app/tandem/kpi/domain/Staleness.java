package app.tandem.kpi.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Whether a KPI's values have stopped coming: SPEC calls it stale after twice its frequency's period. */
public final class Staleness {

	private Staleness() {
	}

	/**
	 * True when the newest value is older than twice the frequency's period at `now` (exactly twice is not stale);
	 * false without any value (that is NO_DATA, not stale).
	 */
	public static boolean isStale(Frequency frequency, Instant newest, Instant now) {
		Objects.requireNonNull(frequency, "frequency");
		Objects.requireNonNull(now, "now");
		if (newest == null) {
			return false;
		}
		// Duration.between cannot overflow over the Instant range, where newest + 2 periods could
		return Duration.between(newest, now).compareTo(frequency.period().multipliedBy(2)) > 0;
	}
}
