package app.tandem.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How ready the answers say the organisation is. A practice scores the mean of its questions' answers, scaled from
 * the scale (0 … 4) to 0–100; the overall score is the mean of the practices' scores, so that a practice with three
 * questions weighs as much as one with one. Answers to questions the questionnaire no longer asks are ignored, and a
 * practice none of whose questions was answered (an older submission, a newer question) is left out.
 */
public final class Readiness {

	/** From here a practice is doing well: keep doing it. */
	public static final double STRONG = 75;

	/** Below this a practice is weak; between it and {@link #STRONG} it is developing. Both get next steps. */
	public static final double WEAK = 50;

	private Readiness() {
	}

	public record PracticeScore(String practice, double score, Band band, int answered) {
	}

	public record Score(double overall, List<PracticeScore> practices) {
	}

	public enum Band {
		WEAK, DEVELOPING, STRONG;

		static Band of(double score) {
			return score >= Readiness.STRONG ? STRONG : score >= Readiness.WEAK ? DEVELOPING : WEAK;
		}

		/** Whether the practice shows its next steps (else what to keep doing). */
		public boolean needsSteps() {
			return this != STRONG;
		}
	}

	public static Score of(Questionnaire questionnaire, Map<String, Integer> answers) {
		List<PracticeScore> scores = new ArrayList<>();
		for (Practice practice : questionnaire.practices()) {
			double sum = 0;
			int answered = 0;
			for (Question q : questionnaire.questionsOf(practice.key())) {
				Integer answer = answers.get(q.key());
				if (answer != null) {
					sum += Math.max(0, Math.min(questionnaire.maxAnswer(), answer));
					answered++;
				}
			}
			if (answered > 0) {
				double score = sum / answered / questionnaire.maxAnswer() * 100;
				scores.add(new PracticeScore(practice.key(), score, Band.of(score), answered));
			}
		}
		double overall = scores.stream().mapToDouble(PracticeScore::score).average().orElse(0);
		return new Score(overall, scores);
	}
}
