package app.tandem.shared;

import java.util.List;

/** A batch of rows (measurements, CSV lines) with invalid ones: nothing is stored, each problem names its row. */
public class RowsRejectedException extends RuntimeException {

	private final List<RowError> errors;

	private final int rows;

	public RowsRejectedException(List<RowError> errors, int rows) {
		super(errors.size() + " of " + rows + " rows are invalid; nothing was stored");
		this.errors = List.copyOf(errors);
		this.rows = rows;
	}

	public List<RowError> errors() {
		return errors;
	}

	public int rows() {
		return rows;
	}

	/** {@code line}: the row's line in a CSV body (the header is line 1), or its 1-based position in a JSON array. */
	public record RowError(int line, String field, String message) {
	}
}
