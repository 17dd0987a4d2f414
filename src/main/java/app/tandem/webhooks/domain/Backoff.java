package app.tandem.webhooks.domain;

import java.time.Duration;

/** The pause before a delivery's next try: the first one, doubled after each failure, at most an hour. */
public final class Backoff {

	private static final Duration MOST = Duration.ofHours(1);

	private Backoff() {
	}

	public static Duration after(int failures, Duration first) {
		Duration pause = first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
		return pause.compareTo(MOST) > 0 ? MOST : pause;
	}
}
