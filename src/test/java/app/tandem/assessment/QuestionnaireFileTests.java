package app.tandem.assessment;

import java.util.Set;
import java.util.stream.Collectors;

import app.tandem.assessment.domain.Questionnaire;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped questionnaire loads and names the practices the OKR guides name. */
class QuestionnaireFileTests {

	@Test
	void theShippedQuestionnaireCoversThePracticesOfTheGuides() {
		Questionnaire q = QuestionnaireFile.read();

		assertThat(q.questions()).hasSizeBetween(10, 15);
		assertThat(q.maxAnswer()).isEqualTo(4);
		Set<String> practices = q.practices().stream().map(p -> p.key()).collect(Collectors.toSet());
		assertThat(practices).contains("executive-support", "regular-cycle", "measurable-key-results",
				"committed-aspirational", "kpis-with-context", "transparency", "check-ins", "review-and-adjustment");
		q.practices().forEach(p -> {
			assertThat(p.nextSteps()).isNotEmpty();
			assertThat(p.name().de()).isNotBlank();
		});
	}

	@Test
	void aFileWithoutATextIsRefused() {
		assertThatThrownBy(() -> QuestionnaireFile.parse("""
				scale: [{value: 0, en: No, de: Nein}, {value: 1, en: Yes, de: Ja}]
				practices: [{key: p, en: P, nextSteps: [{en: s, de: s}], keepDoing: {en: k, de: k}}]
				questions: [{key: q, practice: p, en: Q, de: Q}]
				""")).hasMessageContaining("de");
	}
}
