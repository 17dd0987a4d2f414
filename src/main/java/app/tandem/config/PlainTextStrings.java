package app.tandem.config;

import app.tandem.shared.ControlCharacters;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string of a JSON (or YAML) request body passes {@link ControlCharacters}: one with a control character
 * is refused while it is read, so the answer names its field as the body wrote it ({@code keyResults[0].title}).
 */
final class PlainTextStrings extends StringDeserializer {

	/** With the dates and instants of a body kept to years a database and a backup can hold ({@link CalendarDates}). */
	static final SimpleModule MODULE = new SimpleModule("tandem-plain-text")
		.addDeserializer(String.class, new PlainTextStrings())
		.addDeserializer(java.time.LocalDate.class, new CalendarDates.Dates())
		.addDeserializer(java.time.Instant.class, new CalendarDates.Instants());

	private PlainTextStrings() {
	}

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) {
		String text = super.deserialize(p, ctxt);
		String problem = ControlCharacters.problemIn(text);
		if (problem != null) {
			throw new RefusedText(p, problem);
		}
		return text;
	}

	/** A string refused for its characters; its message is meant for the client as it is. */
	static final class RefusedText extends MismatchedInputException {

		RefusedText(JsonParser p, String message) {
			super(p, message, String.class);
		}
	}
}
