package app.tandem.okr.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A check-in on a key result as the domain has it, whichever way it comes (the API, the page, an OKR file, the KPI
 * that measures the key result): whether it may be recorded (SPEC §1) and what it adds to the key result, its
 * cycle's tally and its forecast line. The rules live here once; {@code okr.CheckInRecorder} stores what they say.
 *
 * @param at when it is about: to the microsecond, as the databases keep it, so the line is drawn from the instant as
 * stored
 * @param achieved only a milestone's; null for any other type
 */
public record KeyResultCheckIn(Instant at, Double value, Boolean achieved, Integer confidence, String note) {

	/** Clocks drift: a check-in a little in the future is accepted, more is a mistake. */
	public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	public KeyResultCheckIn {
		at = at.truncatedTo(ChronoUnit.MICROS);
	}

	/** A check-in as a person sends it: at {@code now} unless it names when, {@code achieved} kept for milestones. */
	public static KeyResultCheckIn sent(KeyResultType type, Instant at, Double value, Boolean achieved,
			Integer confidence, String note, Instant now) {
		return new KeyResultCheckIn(at != null ? at : now, value, type == KeyResultType.MILESTONE ? achieved : null,
				confidence, note);
	}

	/** A check-in from the KPI that measures the key result: its number, now. */
	public static KeyResultCheckIn fromKpi(double value, String kpiKey, Instant now) {
		return new KeyResultCheckIn(now, value, null, null, "from KPI " + kpiKey);
	}

	/** What is wrong with it as field → message pairs, empty when it may be recorded in a cycle starting then. */
	public List<String[]> problems(KeyResultType type, LocalDate cycleStart, Instant now) {
		List<String[]> problems = new java.util.ArrayList<>(CheckInContent.problems(type, value, achieved, confidence,
				note));
		if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
			problems.add(new String[] { "at", "must not be in the future" });
		}
		if (at.isBefore(cycleStart.atStartOfDay(ZoneOffset.UTC).toInstant())) {
			problems.add(new String[] { "at", "must not be before the cycle starts (" + cycleStart + ")" });
		}
		return problems;
	}

	/**
	 * What it adds to a key result created at {@code origin} in {@code cycle}: a value inside the cycle counts in
	 * its tally (in range or not) and is a point of its line at {@code lineX} days; anything else adds neither.
	 */
	public Effect effectOn(KeyResultDefinition kr, Instant origin, Cycle cycle) {
		boolean counted = value != null && cycle.contains(at);
		return new Effect(counted, counted && KeyResultProgress.inRange(kr, value),
				counted ? KeyResultForecast.daysSince(origin, at) : null);
	}

	/** @param lineX the x of its point on the key result's line, null when it is not on it */
	public record Effect(boolean counted, boolean inRange, Double lineX) {
	}
}
