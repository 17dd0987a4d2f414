package app.tandem.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long one account's sign-ins wait after failed ones (OWASP ASVS 5.0 V6.3), from its failures of the
 * last day, address by address. Plain Java: the schedule is tested without Spring.
 * <ul>
 * <li>From one address: after {@code perAccount} (5) failures, that address waits a minute after its last
 * failure, and each further failure doubles the wait, up to an hour. Another address is not held up:
 * one guesser cannot keep the owner out from elsewhere.</li>
 * <li>From everywhere: when failures come from several addresses, each counting at most
 * {@code perAccount} of them, and reach twice that, every address waits, from the last failure, a
 * minute doubled by each failure beyond, up to an hour.</li>
 * <li>Either wait is passed by the right password with a right code of the account's second factor,
 * which a guesser does not have; unless {@code perAccount} second-factor failures (the right password
 * with a wrong or missing code) say that someone has the password and guesses codes.</li>
 * </ul>
 */
final class SignInLockOut {

	/** How long a failure counts: a persistent guesser gets about one try an hour after the first day's few. */
	static final Duration REMEMBERED = Duration.ofHours(24);

	static final Duration FIRST_WAIT = Duration.ofMinutes(1);

	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	/** One account's failures from one address within {@link #REMEMBERED}; codeFailures are those with the right password. */
	record Tally(String address, long failures, long codeFailures, Instant latest) {
	}

	/** Until when an account's sign-ins wait ({@code null}: not at all), and whether a second factor's code passes. */
	record Lock(Instant until, boolean passableWithCode) {

		boolean holds(Instant now) {
			return until != null && until.isAfter(now);
		}

		/** Whole seconds left, at least one: what Retry-After says. */
		long secondsLeft(Instant now) {
			return holds(now) ? Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000) : 0;
		}
	}

	private final int perAccount;

	SignInLockOut(int perAccount) {
		this.perAccount = perAccount;
	}

	/** The lock on an account's sign-ins from {@code address}, given its recent failures from every address. */
	Lock lock(List<Tally> tallies, String address, Instant now) {
		Instant until = null;
		long capped = 0;
		long total = 0;
		long codeFailures = 0;
		Instant latest = null;
		for (Tally tally : tallies) {
			if (tally.address().equals(address) && tally.failures() >= perAccount) {
				until = later(until, tally.latest().plus(waitAfter(tally.failures() - perAccount)));
			}
			capped += Math.min(tally.failures(), perAccount);
			total += tally.failures();
			codeFailures += tally.codeFailures();
			latest = later(latest, tally.latest());
		}
		if (capped >= 2L * perAccount) {
			until = later(until, latest.plus(waitAfter(total - 2L * perAccount)));
		}
		return new Lock(until != null && until.isAfter(now) ? until : null, codeFailures < perAccount);
	}

	/** A minute, doubled by each failure beyond the first that locked, up to an hour. */
	static Duration waitAfter(long beyond) {
		Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(beyond, 16));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private static Instant later(Instant a, Instant b) {
		return a == null || b.isAfter(a) ? b : a;
	}
}
