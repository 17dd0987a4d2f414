package app.tandem.okr.domain;

/** Score colours: below 0.4 red, below 0.7 yellow, else green. */
public enum ScoreBand {
	RED, YELLOW, GREEN;

	public static ScoreBand of(double score) {
		if (score < 0.4) {
			return RED;
		}
		return score < 0.7 ? YELLOW : GREEN;
	}
}
