package app.tandem.shared;

import java.util.ArrayList;
import java.util.List;

/** Input that breaks a rule, with each problem tied to its field (or file path, or line): 400. */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.isEmpty() ? "Invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

	public record FieldError(String field, String message) {
	}

	/** Collects problems so that a request hears about all of them at once. */
	public static final class Collector {

		private final List<FieldError> errors = new ArrayList<>();

		public Collector add(String field, String message) {
			errors.add(new FieldError(field, message));
			return this;
		}

		public boolean isEmpty() {
			return errors.isEmpty();
		}

		public void throwIfAny() {
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
		}
	}
}
