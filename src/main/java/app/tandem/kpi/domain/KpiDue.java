package app.tandem.kpi.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a KPI's owner owes it (SPEC §2 inbox): a value once a whole period of its frequency has passed since
 * the newest one, and a review once {@code reviewEveryDays} have passed since the last, or once it has turned
 * red and nobody has reviewed it since. Each is null when not due, else the instant it fell due. Exactly one
 * period (or exactly the review interval) is not yet due, as exactly two periods is not yet stale.
 */
public record KpiDue(Instant valueDueSince, Instant reviewDueSince) {

	public enum Reason {
		VALUE, REVIEW
	}

	/**
	 * @param formula a formula KPI is computed from its inputs and never owes a value of its own
	 * @param createdAt when nothing has happened yet (no value, never reviewed) it is due since the KPI exists
	 * @param redSince when it last turned red, if it is red now; else null
	 */
	public static KpiDue of(Frequency frequency, boolean formula, Instant latestAt, Integer reviewEveryDays,
			Instant lastReviewedAt, Instant redSince, Instant createdAt, Instant now) {
		return new KpiDue(formula ? null : valueDueSince(frequency, latestAt, createdAt, now),
				reviewDueSince(reviewEveryDays, lastReviewedAt, redSince, createdAt, now));
	}

	/** Due a value: none yet, or the newest older than one period (the fixed lengths of {@link Frequency#period()}). */
	public static Instant valueDueSince(Frequency frequency, Instant latestAt, Instant createdAt, Instant now) {
		Objects.requireNonNull(frequency, "frequency");
		return dueSince(latestAt, frequency.period(), createdAt, now);
	}

	/**
	 * Due a review: with an interval, never reviewed or the last review older than it; and, with or without
	 * one, red and not reviewed since it turned red (a red KPI asks its owner to look at once). The earlier wins.
	 */
	public static Instant reviewDueSince(Integer reviewEveryDays, Instant lastReviewedAt, Instant redSince,
			Instant createdAt, Instant now) {
		Instant regular = reviewEveryDays == null || reviewEveryDays < 1 ? null
				: dueSince(lastReviewedAt, Duration.ofDays(reviewEveryDays), createdAt, now);
		Instant red = redSince == null || redSince.isAfter(now)
				|| lastReviewedAt != null && !lastReviewedAt.isBefore(redSince) ? null : redSince;
		return earlier(regular, red);
	}

	private static Instant dueSince(Instant last, Duration interval, Instant createdAt, Instant now) {
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(now, "now");
		if (last == null) {
			return createdAt.isAfter(now) ? null : createdAt;
		}
		// Duration.between cannot overflow over the Instant range, where last + interval could
		if (Duration.between(last, now).compareTo(interval) <= 0) {
			return null;
		}
		return last.plus(interval);
	}

	public boolean any() {
		return valueDueSince != null || reviewDueSince != null;
	}

	/** VALUE before REVIEW. */
	public List<Reason> reasons() {
		List<Reason> reasons = new ArrayList<>(2);
		if (valueDueSince != null) {
			reasons.add(Reason.VALUE);
		}
		if (reviewDueSince != null) {
			reasons.add(Reason.REVIEW);
		}
		return List.copyOf(reasons);
	}

	/** The earlier of the two: how long the owner has owed something; null when nothing is due. */
	public Instant since() {
		return earlier(valueDueSince, reviewDueSince);
	}

	private static Instant earlier(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isBefore(b) ? a : b;
	}
}
