package app.tandem.shared;

import java.util.List;

/** A batch of rows (measurements, CSV lines) with invalid ones: nothing is stored, each problem names its row. */
public class RowsRejectedException extends RuntimeException {

	private final List<RowError> errors;

	private final int rows;

	private final int invalidRows;

	public RowsRejectedException(List<RowError> errors, int rows) {
		this(errors, (int) errors.stream().mapToInt(RowError::line).distinct().count(), rows);
	}

	/**
	 * {@code invalidRows}: how many rows have a problem (a row may have several, and {@code errors} may be only the
	 * first of them).
	 */
	public RowsRejectedException(List<RowError> errors, int invalidRows, int rows) {
		super(invalidRows + " of " + rows + (rows == 1 ? " row" : " rows") + (invalidRows == 1 ? " is" : " are")
				+ " invalid; nothing was stored");
		this.errors = List.copyOf(errors);
		this.rows = rows;
		this.invalidRows = invalidRows;
	}

	public List<RowError> errors() {
		return errors;
	}

	public int rows() {
		return rows;
	}

	public int invalidRows() {
		return invalidRows;
	}

	/** {@code line}: the row's line in a CSV body (the header is line 1), or its 1-based position in a JSON array. */
	public record RowError(int line, String field, String message) {
	}
}
