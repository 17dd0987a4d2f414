package app.tandem.kpi;

/**
 * One row of an ingestion request as sent, before checking: {@code kpi} is null when the URL
 * names the KPI; {@code value} is a Double, or the text that failed to be one.
 */
public record MeasurementRow(int line, String kpi, String at, Object value) {
}
