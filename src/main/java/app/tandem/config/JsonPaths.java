package app.tandem.config;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns Jackson's path into the field name a client sent ({@code keyResults[1].type}) and a plain reason. */
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

	static String reason(Throwable e) {
		if (e instanceof InvalidFormatException format) {
			Class<?> target = format.getTargetType();
			if (target != null && target.isEnum()) {
				return "is not one of " + java.util.Arrays.toString(target.getEnumConstants()) + ": " + format.getValue();
			}
			return "is not a valid " + simpleName(target) + ": " + format.getValue();
		}
		if (e instanceof MismatchedInputException mismatch) {
			return "has the wrong type, expected " + simpleName(mismatch.getTargetType());
		}
		if (e instanceof JacksonException json) {
			return json.getOriginalMessage();
		}
		return "unreadable";
	}

	private static String simpleName(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type == Double.class || type == double.class || type == Integer.class || type == int.class
				|| type == Long.class || type == long.class) {
			return "number";
		}
		if (type == java.time.LocalDate.class) {
			return "date (YYYY-MM-DD)";
		}
		if (type == java.time.Instant.class) {
			return "instant (ISO-8601, e.g. 2026-11-23T10:00:00Z)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (List.class.isAssignableFrom(type)) {
			return "array";
		}
		return type.getSimpleName().equals("String") ? "string" : "object";
	}
}
