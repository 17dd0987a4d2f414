package app.tandem.config;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value of a request body refused while it is read (a control character, a year out of range, a fraction for a
 * whole number); its message is meant for the client as it is, and the answer names the field as the body wrote it.
 */
final class RefusedValue extends MismatchedInputException {

	RefusedValue(JsonParser p, String message, Class<?> type) {
		super(p, message, type);
	}
}
