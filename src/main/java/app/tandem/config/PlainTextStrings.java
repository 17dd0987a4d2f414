package app.tandem.config;

import app.tandem.shared.ControlCharacters;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every string of a JSON (or YAML) request body passes {@link ControlCharacters}: one with a control character
 * is refused while it is read, so the answer names its field as the body wrote it ({@code keyResults[0].title}).
 */
final class PlainTextStrings extends StringDeserializer {

	PlainTextStrings() {
	}

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) {
		String text = super.deserialize(p, ctxt);
		String problem = ControlCharacters.problemIn(text);
		if (problem != null) {
			throw new RefusedValue(p, problem, String.class);
		}
		return text;
	}
}
