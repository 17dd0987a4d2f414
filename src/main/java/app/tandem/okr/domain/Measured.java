package app.tandem.okr.domain;

/**
 * What the check-ins up to some instant say about a key result: the latest value (or achieved
 * flag) and, for THRESHOLD, how many of the cycle's check-ins there were and how many fell in range.
 */
public record Measured(Double latestValue, Boolean latestAchieved, int cycleCheckIns, int inRangeCheckIns) {

	public static final Measured NOTHING = new Measured(null, null, 0, 0);

	public boolean hasValue() {
		return latestValue != null;
	}
}
