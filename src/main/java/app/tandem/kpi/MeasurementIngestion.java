package app.tandem.kpi;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import app.tandem.identity.Caller;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Picks the reader by content type (JSON or CSV) and hands the rows to {@link Measurements}. */
@Component
public class MeasurementIngestion {

	private final Measurements measurements;

	private final ObjectMapper json;

	private final KpiAccess access;

	MeasurementIngestion(Measurements measurements, ObjectMapper json, KpiAccess access) {
		this.measurements = measurements;
		this.json = json;
		this.access = access;
	}

	/** A CSV upload ({@code at,value}) for one KPI checked as {@link #ingest} would, nothing stored. */
	public Measurements.Preview previewCsv(String kpiIdOrKey, InputStream body) {
		return measurements.preview(kpiIdOrKey, MeasurementRows.csv(body, false));
	}

	/**
	 * One value typed on a page, checked and stored as one row of the API would be; {@code value} is the number, or
	 * the text that is not one (refused as the API refuses it).
	 */
	public Measurements.Ingested one(String kpiIdOrKey, java.time.Instant at, Object value, Caller caller) {
		return measurements.ingest(kpiIdOrKey, List.of(new MeasurementRow(1, null, at.toString(), value)),
				kpis -> access.requireFeed(caller, kpis));
	}

	/** {@code kpiIdOrKey} null: rows name their KPI. */
	public Measurements.Ingested ingest(String kpiIdOrKey, String contentType, InputStream body, Caller caller) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		boolean withKpi = kpiIdOrKey == null;
		List<MeasurementRow> rows;
		if (type.startsWith("text/csv")) {
			rows = MeasurementRows.csv(body, withKpi);
		}
		else if (type.startsWith("application/json") || type.isEmpty()) {
			rows = MeasurementRows.json(body, json, withKpi);
		}
		else {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json or text/csv");
		}
		return measurements.ingest(kpiIdOrKey, rows, kpis -> access.requireFeed(caller, kpis));
	}
}
