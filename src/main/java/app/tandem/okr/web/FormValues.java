package app.tandem.okr.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import app.tandem.shared.TypedNumbers;

/**
 * Reads what a person typed into a form field. Forms keep numbers and dates as text so that a refused form comes
 * back exactly as typed; these turn that text into values, or note a message for the field in {@code errors}.
 */
final class FormValues {

	private FormValues() {
	}

	/** A number, accepting a decimal comma ("12,5") where there is no point; blank is null. */
	static Double number(String typed, String field, Map<String, String> errors) {
		return TypedNumbers.field(typed, field, errors);
	}

	/** A number the field cannot do without. */
	static Double requiredNumber(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			errors.put(field, "Enter a number, such as 42 or 12.5.");
			return null;
		}
		return number(typed, field, errors);
	}

	/** A title: said, and under 500 characters; {@code ask} says what to write when it is blank. */
	static void title(String typed, String ask, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			errors.put("title", ask);
		}
		else if (typed.length() > 500) {
			errors.put("title", "Keep the title under 500 characters.");
		}
	}

	/** A date the field cannot do without. */
	static LocalDate requiredDate(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			errors.put(field, "Choose a date.");
			return null;
		}
		return date(typed, field, errors);
	}

	/** A date as a date field sends it (YYYY-MM-DD); blank is null. */
	static LocalDate date(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "Enter a date as YYYY-MM-DD.");
			return null;
		}
	}

	/** One of a select's options. */
	static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "Choose one.");
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			errors.put(field, "Choose one of the list.");
			return null;
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** A number as a person would type it: no ".0" on whole numbers. */
	static String text(Double value) {
		if (value == null) {
			return "";
		}
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
				: value.toString();
	}
}
