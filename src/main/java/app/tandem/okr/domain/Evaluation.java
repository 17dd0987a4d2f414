package app.tandem.okr.domain;

/** The four numbers every key result and objective shows: progress, expected progress, status and score. */
public record Evaluation(double progress, double expectedProgress, Status status, double score) {

	public ScoreBand scoreBand() {
		return ScoreBand.of(score);
	}
}
