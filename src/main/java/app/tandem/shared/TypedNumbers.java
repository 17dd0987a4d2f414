package app.tandem.shared;

import java.util.Map;

/** Numbers as people type them into a page's fields, the same on every form. */
public final class TypedNumbers {

	private TypedNumbers() {
	}

	/**
	 * The number typed, a decimal comma read as a point where there is no point ("12,5" on a German keyboard);
	 * null when the text is not a finite number.
	 */
	public static Double decimal(String typed) {
		if (typed == null) {
			return null;
		}
		String text = typed.strip();
		try {
			double number = Double.parseDouble(text.indexOf('.') < 0 ? text.replace(',', '.') : text);
			return Double.isFinite(number) ? number : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** A form field's number: blank is null; what is not a number notes a message under {@code field}. */
	public static Double field(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		Double value = decimal(typed);
		if (value == null) {
			errors.put(field, "Enter a number, such as 42 or 12.5.");
		}
		return value;
	}
}
