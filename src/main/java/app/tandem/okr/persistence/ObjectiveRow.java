package app.tandem.okr.persistence;

import java.time.Instant;
import java.util.UUID;

import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;

public record ObjectiveRow(UUID id, UUID cycleId, String key, String title, String description, Level level,
		UUID teamId, UUID ownerId, UUID parentId, UUID parentKeyResultId, ObjectiveType type, Visibility visibility,
		String retrospective, UUID carriedFromId, Double finalScore, Instant createdAt, long version) {
}
