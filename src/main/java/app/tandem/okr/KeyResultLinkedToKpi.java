package app.tandem.okr;

import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A key result has just been given a KPI to measure it (created with one, carried over with one,
 * or changed to one), published in the transaction of that change so that the KPI's value can be
 * taken over at once rather than at the KPI's next ingestion.
 */
@DomainEvent
public record KeyResultLinkedToKpi(UUID keyResultId, UUID kpiId) {
}
