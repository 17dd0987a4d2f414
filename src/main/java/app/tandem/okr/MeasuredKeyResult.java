package app.tandem.okr;

import java.time.LocalDate;
import java.util.UUID;

/** A key result measured by a KPI, with the dates of its cycle. */
public record MeasuredKeyResult(UUID kpiId, UUID keyResultId, LocalDate cycleStart, LocalDate cycleEnd) {
}
