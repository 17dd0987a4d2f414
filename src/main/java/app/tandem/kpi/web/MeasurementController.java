package app.tandem.kpi.web;

import java.io.InputStream;

import app.tandem.identity.IdentityApi;
import app.tandem.kpi.MeasurementIngestion;
import app.tandem.kpi.Measurements;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Ingestion: JSON {@code [{at, value}]} or CSV {@code at,value}; across KPIs with a {@code kpi} column. */
@RestController
class MeasurementController {

	private final MeasurementIngestion ingestion;

	private final IdentityApi identity;

	MeasurementController(MeasurementIngestion ingestion, IdentityApi identity) {
		this.ingestion = ingestion;
		this.identity = identity;
	}

	@PostMapping("/api/v1/kpis/{idOrKey}/measurements")
	Measurements.Ingested ingestOne(@PathVariable String idOrKey,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType, InputStream body) {
		return ingestion.ingest(idOrKey, contentType, body, identity.caller());
	}

	@PostMapping("/api/v1/measurements")
	Measurements.Ingested ingestMany(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			InputStream body) {
		return ingestion.ingest(null, contentType, body, identity.caller());
	}
}
