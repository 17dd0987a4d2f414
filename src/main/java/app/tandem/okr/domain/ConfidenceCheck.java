package app.tandem.okr.domain;

/**
 * Whether the owner's confidence and the data tell different stories: a confidence of 7 or more (of 10) on the
 * latest check-in while the forecast misses, or 3 or less while it is on pace. A conversation starter for the
 * weekly meeting, not a verdict; without a confidence or a forecast there is nothing to compare.
 */
public record ConfidenceCheck(boolean disagrees, String note) {

	/** From this confidence up the owner expects to make it. */
	public static final int CONFIDENT = 7;

	/** From this confidence down the owner expects to miss. */
	public static final int DOUBTFUL = 3;

	public static final ConfidenceCheck NOTHING_TO_COMPARE = new ConfidenceCheck(false, null);

	public static ConfidenceCheck of(Integer confidence, KeyResultForecast forecast) {
		if (confidence == null || forecast == null || !forecast.available()) {
			return NOTHING_TO_COMPARE;
		}
		boolean onPace = Boolean.TRUE.equals(forecast.onPace());
		if (confidence >= CONFIDENT && !onPace) {
			return new ConfidenceCheck(true, "confidence is " + confidence
					+ " of 10, but the check-ins point to a miss (projected progress " + twoDecimals(forecast) + ")");
		}
		if (confidence <= DOUBTFUL && onPace) {
			return new ConfidenceCheck(true, "confidence is " + confidence
					+ " of 10, but the check-ins point to success (projected progress " + twoDecimals(forecast) + ")");
		}
		return NOTHING_TO_COMPARE;
	}

	/** 0.44 for 0.4443 (progress lies in [0, 1]); without String.format, which costs more than the forecast. */
	private static String twoDecimals(KeyResultForecast forecast) {
		long hundredths = Math.round(forecast.projectedProgress() * 100);
		return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
	}
}
