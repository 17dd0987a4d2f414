package app.tandem.okr.persistence;

import java.time.Instant;
import java.util.UUID;

import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;

public record ObjectiveRow(UUID id, UUID cycleId, String key, String title, String description, Level level,
		UUID teamId, UUID ownerId, UUID parentId, UUID parentKeyResultId, ObjectiveType type, Visibility visibility,
		String retrospective, UUID carriedFromId, Double finalScore, Instant createdAt, long version, boolean draft) {

	/** A published objective (not a draft). */
	public ObjectiveRow(UUID id, UUID cycleId, String key, String title, String description, Level level, UUID teamId,
			UUID ownerId, UUID parentId, UUID parentKeyResultId, ObjectiveType type, Visibility visibility,
			String retrospective, UUID carriedFromId, Double finalScore, Instant createdAt, long version) {
		this(id, cycleId, key, title, description, level, teamId, ownerId, parentId, parentKeyResultId, type,
				visibility, retrospective, carriedFromId, finalScore, createdAt, version, false);
	}

	/** Seen only by those who may see a private objective: a draft, or a private one. */
	public boolean restricted() {
		return draft || visibility == Visibility.PRIVATE;
	}
}
