package app.tandem.kpi;

import java.time.Instant;
import java.util.UUID;

import app.tandem.kpi.domain.KpiStatus;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A KPI's status moved (to amber or red, or back), published in the transaction that recorded it (an ingestion or a
 * change of its definition): its owner and its team's leads are told.
 */
@DomainEvent
public record KpiStatusChanged(UUID eventId, UUID kpiId, KpiStatus from, KpiStatus to, Double value, Instant at) {
}
