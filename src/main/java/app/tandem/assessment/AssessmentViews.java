package app.tandem.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API (in English) and the page (in the reader's language) show of the assessment. */
final class AssessmentViews {

	private AssessmentViews() {
	}

	/** The questionnaire: the scale every question is answered on, the practices, the questions in order. */
	record Questions(List<Option> scale, List<PracticeName> practices, List<QuestionText> questions) {
	}

	record Option(int value, String label) {
	}

	record PracticeName(String key, String name) {
	}

	record QuestionText(String key, String practice, String text) {
	}

	/** The latest submission (null before the first) and every submission's scores, oldest first. */
	record Report(Latest latest, List<HistoryPoint> history) {
	}

	/**
	 * @param overall the mean of the practices' scores, 0–100, to one decimal
	 * @param practices in the questionnaire's order
	 */
	record Latest(String id, String submittedBy, Instant submittedAt, Map<String, Integer> answers, double overall,
			List<PracticeResult> practices) {
	}

	/**
	 * A practice's score (0–100, to one decimal) with its band: WEAK below 50, DEVELOPING below 75, STRONG from 75.
	 * {@code nextSteps} below 75, else {@code keepDoing}; the other is empty or null.
	 */
	record PracticeResult(String key, String name, double score, String band, List<String> nextSteps,
			String keepDoing) {
	}

	/** One submission's overall score and its practices' scores by key. */
	record HistoryPoint(String id, Instant submittedAt, double overall, Map<String, Double> practices) {
	}

	static double oneDecimal(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
