package app.tandem.assessment.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scores per practice and overall, computed by hand on a questionnaire of two practices and three questions. */
class ReadinessTests {

	static final Questionnaire SMALL = new Questionnaire(
			List.of(option(0), option(1), option(2), option(3), option(4)),
			List.of(practice("cadence"), practice("check-ins")),
			List.of(new Question("fixed-dates", "cadence", text("q")), new Question("on-time", "cadence", text("q")),
					new Question("weekly", "check-ins", text("q"))));

	static ScaleOption option(int value) {
		return new ScaleOption(value, text("answer " + value));
	}

	static Practice practice(String key) {
		return new Practice(key, text(key), List.of(text("step")), text("keep"));
	}

	static Localized text(String s) {
		return new Localized(s, s + " (de)");
	}

	@Test
	void aPracticeScoresTheMeanOfItsAnswersOnZeroToHundredAndOverallTheMeanOfPractices() {
		// cadence: (3 + 2) / 2 = 2.5 of 4 = 62.5; check-ins: 4 of 4 = 100; overall (62.5 + 100) / 2 = 81.25
		Readiness.Score score = Readiness.of(SMALL, Map.of("fixed-dates", 3, "on-time", 2, "weekly", 4));

		assertThat(score.practices()).extracting(Readiness.PracticeScore::practice).containsExactly("cadence",
				"check-ins");
		assertThat(score.practices().get(0).score()).isEqualTo(62.5);
		assertThat(score.practices().get(0).band()).isEqualTo(Readiness.Band.DEVELOPING);
		assertThat(score.practices().get(1).score()).isEqualTo(100);
		assertThat(score.practices().get(1).band()).isEqualTo(Readiness.Band.STRONG);
		assertThat(score.overall()).isEqualTo(81.25);
	}

	@Test
	void aPracticeWithOneQuestionWeighsAsMuchAsOneWithTwo() {
		// cadence: (0 + 1) / 2 = 0.5 of 4 = 12.5 (weak); check-ins: 1 of 4 = 25; overall 18.75, not (0 + 1 + 1) / 3 / 4
		Readiness.Score score = Readiness.of(SMALL, Map.of("fixed-dates", 0, "on-time", 1, "weekly", 1));

		assertThat(score.practices().get(0).score()).isEqualTo(12.5);
		assertThat(score.practices().get(0).band()).isEqualTo(Readiness.Band.WEAK);
		assertThat(score.practices().get(1).score()).isEqualTo(25);
		assertThat(score.overall()).isEqualTo(18.75);
	}

	@Test
	void bandsTurnAtFiftyAndSeventyFive() {
		// 3 of 4 = 75 is strong; 2 of 4 = 50 is developing
		Readiness.Score score = Readiness.of(SMALL, Map.of("fixed-dates", 2, "on-time", 2, "weekly", 3));

		assertThat(score.practices().get(0).score()).isEqualTo(50);
		assertThat(score.practices().get(0).band()).isEqualTo(Readiness.Band.DEVELOPING);
		assertThat(score.practices().get(1).score()).isEqualTo(75);
		assertThat(score.practices().get(1).band()).isEqualTo(Readiness.Band.STRONG);
		assertThat(Readiness.Band.STRONG.needsSteps()).isFalse();
		assertThat(Readiness.Band.WEAK.needsSteps()).isTrue();
	}

	@Test
	void answersToQuestionsNoLongerAskedAreIgnoredAndUnansweredPracticesLeftOut() {
		// an older submission: only "weekly" of today's questions, and one that was dropped since
		Readiness.Score score = Readiness.of(SMALL, Map.of("weekly", 2, "dropped", 4));

		assertThat(score.practices()).extracting(Readiness.PracticeScore::practice).containsExactly("check-ins");
		assertThat(score.overall()).isEqualTo(50);
	}

	@Test
	void everyQuestionNeedsAWholeAnswerOnTheScaleAndNothingElse() {
		var problems = SMALL.problems(Map.of("fixed-dates", 5, "on-time", -1, "extra", 2));

		assertThat(problems).containsEntry("fixed-dates", Questionnaire.Problem.OUT_OF_SCALE)
			.containsEntry("on-time", Questionnaire.Problem.OUT_OF_SCALE)
			.containsEntry("weekly", Questionnaire.Problem.MISSING)
			.containsEntry("extra", Questionnaire.Problem.UNKNOWN_QUESTION)
			.hasSize(4);
		assertThat(SMALL.problems(Map.of("fixed-dates", 0, "on-time", 4, "weekly", 2))).isEmpty();
		assertThat(SMALL.problems(null)).containsOnlyKeys("answers");
	}

	@Test
	void aQuestionnaireThatDoesNotFitTogetherIsRefused() {
		assertThatThrownBy(() -> new Questionnaire(SMALL.scale(), SMALL.practices(),
				List.of(new Question("q", "nowhere", text("q"))))).hasMessageContaining("nowhere");
		assertThatThrownBy(() -> new Questionnaire(SMALL.scale(), SMALL.practices(),
				List.of(new Question("q", "cadence", text("q"))))).hasMessageContaining("check-ins");
		assertThatThrownBy(() -> new Questionnaire(List.of(option(0), option(2)), SMALL.practices(),
				SMALL.questions())).hasMessageContaining("0, 1, 2");
	}
}
