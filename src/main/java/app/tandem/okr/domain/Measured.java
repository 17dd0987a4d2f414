package app.tandem.okr.domain;

/**
 * What the check-ins up to some instant say about a key result: the latest value, the latest achieved flag and,
 * for THRESHOLD, how many of the cycle's check-ins with a value there were and how many fell in range.
 */
public record Measured(Double latestValue, Boolean latestAchieved, int cycleCheckIns, int inRangeCheckIns) {

	public static final Measured NOTHING = new Measured(null, null, 0, 0);

	public boolean hasValue() {
		return latestValue != null;
	}

	/**
	 * After one more check-in, later than those taken so far: it changes only what it carries (SPEC §1, check-ins).
	 * Without a value it keeps the latest value and is left out of the in-range tally; without {@code achieved} it
	 * keeps the milestone's state.
	 *
	 * @param inCycle whether the check-in falls within the key result's cycle
	 * @param inRange whether its value lies within the key result's range (THRESHOLD)
	 */
	public Measured then(Double value, Boolean achieved, boolean inCycle, boolean inRange) {
		boolean counted = inCycle && value != null;
		return new Measured(value != null ? value : latestValue, achieved != null ? achieved : latestAchieved,
				cycleCheckIns + (counted ? 1 : 0), inRangeCheckIns + (counted && inRange ? 1 : 0));
	}
}
