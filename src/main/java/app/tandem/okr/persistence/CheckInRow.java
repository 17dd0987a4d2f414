package app.tandem.okr.persistence;

import java.time.Instant;
import java.util.UUID;

public record CheckInRow(UUID id, UUID keyResultId, Instant at, Double value, Boolean achieved, Integer confidence,
		String note, UUID authorId, String source, Instant createdAt) {
}
