package app.tandem.kpi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * Values were stored for these KPIs (one request, upload or pull), published in its transaction: how many were
 * accepted and how many of them replaced a value at the same instant.
 */
@DomainEvent
public record MeasurementsIngested(UUID ingestionId, List<UUID> kpiIds, List<String> kpiKeys, int accepted,
		int replaced, Instant at) {
}
