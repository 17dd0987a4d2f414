package app.tandem.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tandem.identity.SignInLockOut.Lock;
import app.tandem.identity.SignInLockOut.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock-out schedule: growing waits per address and per account, passed by a second factor's code. */
class SignInLockOutTests {

	private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

	private final SignInLockOut lockOut = new SignInLockOut(5);

	/** Failures as the database keeps them: address and time, some with the right password but a bad code. */
	private final List<Object[]> failures = new ArrayList<>();

	private void fail(String address, Instant at, boolean code) {
		failures.add(new Object[] { address, at, code });
	}

	private void fail(String address, int times, Instant at) {
		for (int i = 0; i < times; i++) {
			fail(address, at, false);
		}
	}

	private Lock lock(String address, Instant now) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, Instant> latest = new LinkedHashMap<>();
		for (Object[] f : failures) {
			Instant at = (Instant) f[1];
			if (at.isAfter(now.minus(SignInLockOut.REMEMBERED)) && !at.isAfter(now)) {
				long[] c = counts.computeIfAbsent((String) f[0], k -> new long[2]);
				c[0]++;
				c[1] += (boolean) f[2] ? 1 : 0;
				latest.merge((String) f[0], at, (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		List<Tally> tallies = new ArrayList<>();
		counts.forEach((a, c) -> tallies.add(new Tally(a, c[0], c[1], latest.get(a))));
		return lockOut.lock(tallies, address, now);
	}

	@Test
	void fourFailuresLockNothing() {
		fail("203.0.113.1", 4, T0);
		assertThat(lock("203.0.113.1", T0).holds(T0)).isFalse();
	}

	@Test
	void fiveFailuresFromOneAddressLockThatAddressForAMinuteAndNoOther() {
		fail("203.0.113.1", 5, T0);
		Lock there = lock("203.0.113.1", T0);
		assertThat(there.holds(T0)).isTrue();
		assertThat(there.secondsLeft(T0)).isEqualTo(60);
		assertThat(there.holds(T0.plusSeconds(60))).isFalse();
		assertThat(lock("198.51.100.7", T0).holds(T0)).as("the owner elsewhere").isFalse();
	}

	@Test
	void eachFurtherFailureDoublesTheWaitUpToAnHour() {
		long[] minutes = { 1, 2, 4, 8, 16, 32, 60, 60, 60 };
		Instant now = T0;
		fail("203.0.113.1", 4, now);
		for (long expected : minutes) {
			fail("203.0.113.1", now, false);
			assertThat(lock("203.0.113.1", now).secondsLeft(now)).isEqualTo(expected * 60);
			now = now.plus(Duration.ofMinutes(expected));
			assertThat(lock("203.0.113.1", now).holds(now)).isFalse();
		}
		assertThat(SignInLockOut.waitAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aGuesserAtFiveAMinuteGetsFewTriesADayAndNeverKeepsTheOwnerOutElsewhere() {
		int tries = 0;
		for (Instant now = T0; now.isBefore(T0.plus(Duration.ofDays(2))); now = now.plusSeconds(12)) {
			if (!lock("203.0.113.1", now).holds(now)) {
				fail("203.0.113.1", now, false);
				tries++;
			}
			assertThat(lock("198.51.100.7", now).holds(now)).as("the owner at home, at " + now).isFalse();
		}
		assertThat(tries).as("tries in two days").isLessThan(5 + 7 + 2 * 24 + 2);
	}

	@Test
	void failuresSpreadOverAddressesLockTheAccountEverywhere() {
		fail("203.0.113.1", 5, T0);
		fail("203.0.113.2", 4, T0);
		assertThat(lock("198.51.100.7", T0).holds(T0)).isFalse();
		fail("203.0.113.2", 1, T0);
		Lock elsewhere = lock("198.51.100.7", T0);
		assertThat(elsewhere.holds(T0)).isTrue();
		assertThat(elsewhere.secondsLeft(T0)).isEqualTo(60);
		assertThat(elsewhere.passableWithCode()).isTrue();
	}

	@Test
	void oneAddressAloneNeverLocksTheOthersHoweverMuchItFails() {
		fail("203.0.113.1", 500, T0);
		assertThat(lock("198.51.100.7", T0).holds(T0)).isFalse();
		assertThat(lock("203.0.113.1", T0).secondsLeft(T0)).isEqualTo(3600);
	}

	@Test
	void aCodePassesTheLockUntilFiveCodesHaveFailed() {
		fail("203.0.113.1", 5, T0);
		assertThat(lock("203.0.113.1", T0).passableWithCode()).isTrue();
		for (int i = 0; i < 4; i++) {
			fail("203.0.113.9", T0, true);
		}
		assertThat(lock("203.0.113.1", T0).passableWithCode()).isTrue();
		fail("203.0.113.9", T0, true);
		assertThat(lock("203.0.113.1", T0).passableWithCode()).as("someone has the password and guesses codes")
			.isFalse();
	}

	@Test
	void failuresOlderThanADayNoLongerCount() {
		fail("203.0.113.1", 5, T0);
		Instant nextDay = T0.plus(SignInLockOut.REMEMBERED).plusSeconds(1);
		fail("203.0.113.1", 4, nextDay);
		assertThat(lock("203.0.113.1", nextDay).holds(nextDay)).isFalse();
	}
}
