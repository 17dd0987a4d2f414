package app.tandem.config;

import java.lang.reflect.Array;
import java.util.List;

import app.tandem.shared.Excerpt;
import app.tandem.shared.ParseErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns Jackson's path into the field name a client sent ({@code keyResults[1].type}) and its complaint into a
 * plain reason that speaks of the input, never of Java types or Jackson's settings.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference ref : path) {
			if (ref.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				field.append('[').append(ref.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	/** Why the value at a path (or the body) cannot be read; {@link ParseErrors#where} says where, if wanted. */
	static String reason(Throwable e) {
		if (e instanceof RefusedValue refused) {
			return refused.getOriginalMessage();
		}
		if (e instanceof InvalidFormatException format) {
			Class<?> target = format.getTargetType();
			if (target != null && target.isEnum()) {
				return "is not one of " + java.util.Arrays.toString(target.getEnumConstants()) + ": " + shown(format.getValue());
			}
			return "is not a valid " + describe(target) + ": " + shown(format.getValue());
		}
		if (e instanceof MismatchedInputException mismatch) {
			String original = String.valueOf(mismatch.getOriginalMessage());
			if (original.startsWith("Trailing token")) {
				return "more follows after the value";
			}
			if (original.startsWith("No content to map")) {
				return "the body is empty";
			}
			return "has the wrong type, expected " + describe(mismatch.getTargetType());
		}
		if (e instanceof InputCoercionException coercion) {
			return "is out of range for a " + describe(coercion.getTargetType());
		}
		if (e instanceof UnexpectedEndOfInputException) {
			return "ends too early";
		}
		if (e instanceof JacksonException json) {
			return ParseErrors.sentence(json);
		}
		return "cannot be read";
	}

	/** A value as a client wrote it, cut short ({@link Excerpt}); a repeated query parameter's values joined. */
	static String shown(Object value) {
		String text;
		if (value != null && value.getClass().isArray()) {
			StringBuilder joined = new StringBuilder();
			for (int i = 0; i < Array.getLength(value); i++) {
				joined.append(i == 0 ? "" : ", ").append(Array.get(value, i));
			}
			text = joined.toString();
		}
		else {
			text = String.valueOf(value);
		}
		return Excerpt.of(text);
	}

	/** What a value of the type looks like, in the words of the API's documentation. */
	static String describe(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class
				|| type == java.math.BigDecimal.class) {
			return "number";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "whole number";
		}
		if (type == java.time.LocalDate.class) {
			return "date (YYYY-MM-DD)";
		}
		if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
			return "instant (ISO-8601, e.g. 2026-11-23T10:00:00Z)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (type == java.util.UUID.class) {
			return "id";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		if (List.class.isAssignableFrom(type) || java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "array";
		}
		return type == String.class || type == CharSequence.class ? "string" : "object";
	}
}
