package app.tandem.okr.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A cycle's dates (end inclusive) and whether an admin has closed it. Dates are UTC days. */
public record Cycle(LocalDate start, LocalDate end, Instant closedAt) {

	public Cycle {
		if (start == null || end == null || end.isBefore(start)) {
			throw new IllegalArgumentException("a cycle needs start <= end");
		}
	}

	public CycleState stateAt(Instant t) {
		if (closedAt != null && !t.isBefore(closedAt)) {
			return CycleState.CLOSED;
		}
		return today(t).isBefore(start) ? CycleState.PLANNING : CycleState.ACTIVE;
	}

	/** True from the day after the end date on. */
	public boolean hasEndedAt(Instant t) {
		return (closedAt != null && !t.isBefore(closedAt)) || today(t).isAfter(end);
	}

	/** Whether a check-in at this instant belongs to the cycle (and counts for THRESHOLD key results). */
	public boolean contains(Instant t) {
		LocalDate day = today(t);
		return !day.isBefore(start) && !day.isAfter(end);
	}

	/** The UTC day of an instant (by arithmetic: {@code LocalDate.ofInstant} builds zone rules on every call). */
	static LocalDate today(Instant t) {
		return LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond(), 86_400L));
	}
}
