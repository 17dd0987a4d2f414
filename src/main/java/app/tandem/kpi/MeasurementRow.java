package app.tandem.kpi;

/**
 * One row of an ingestion request as sent, before checking: {@code kpi} is null when the URL
 * names the KPI; {@code value} is a Double, or the text that failed to be one. {@code flaw}: what
 * makes the row unreadable as sent (an array where a row should be, more CSV values than columns),
 * or null.
 */
public record MeasurementRow(int line, String kpi, String at, Object value, Flaw flaw) {

	public MeasurementRow(int line, String kpi, String at, Object value) {
		this(line, kpi, at, value, null);
	}

	static MeasurementRow flawed(int line, String field, String message) {
		return new MeasurementRow(line, null, null, null, new Flaw(field, message));
	}

	/** The field at fault ({@code row} for the whole row) and what is wrong with it. */
	public record Flaw(String field, String message) {
	}
}
