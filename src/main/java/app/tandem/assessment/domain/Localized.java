package app.tandem.assessment.domain;

import java.util.Locale;
import java.util.Objects;

/** A text of the questionnaire in English and German (the data file carries both). */
public record Localized(String en, String de) {

	public Localized {
		Objects.requireNonNull(en, "en");
		Objects.requireNonNull(de, "de");
	}

	/** German for a German locale, else English. */
	public String in(Locale locale) {
		return locale != null && "de".equals(locale.getLanguage()) ? de : en;
	}
}
