package app.tandem.assessment.domain;

import java.util.Objects;

/** One statement of the questionnaire, answered on the questionnaire's scale, counting towards one practice. */
public record Question(String key, String practice, Localized text) {

	public Question {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(practice, "practice");
		Objects.requireNonNull(text, "text");
	}
}
