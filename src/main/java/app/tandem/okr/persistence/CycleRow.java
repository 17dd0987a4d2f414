package app.tandem.okr.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.tandem.okr.domain.Cycle;

public record CycleRow(UUID id, String name, LocalDate startDate, LocalDate endDate, Instant closedAt,
		Instant createdAt, long version) {

	public Cycle cycle() {
		return new Cycle(startDate, endDate, closedAt);
	}
}
