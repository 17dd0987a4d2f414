package app.tandem.okr.persistence;

import java.time.Instant;
import java.util.UUID;

import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;

/** {@code archivedAt}: when it was archived (it then leaves lists, the tree and what is due), else null. */
public record ObjectiveRow(UUID id, UUID cycleId, String key, String title, String description, Level level,
		UUID teamId, UUID ownerId, UUID parentId, UUID parentKeyResultId, ObjectiveType type, Visibility visibility,
		String retrospective, UUID carriedFromId, Double finalScore, Instant createdAt, long version, boolean draft,
		Instant archivedAt) {

	/** Not archived. */
	public ObjectiveRow(UUID id, UUID cycleId, String key, String title, String description, Level level, UUID teamId,
			UUID ownerId, UUID parentId, UUID parentKeyResultId, ObjectiveType type, Visibility visibility,
			String retrospective, UUID carriedFromId, Double finalScore, Instant createdAt, long version, boolean draft) {
		this(id, cycleId, key, title, description, level, teamId, ownerId, parentId, parentKeyResultId, type,
				visibility, retrospective, carriedFromId, finalScore, createdAt, version, draft, null);
	}

	/** A published objective (not a draft). */
	public ObjectiveRow(UUID id, UUID cycleId, String key, String title, String description, Level level, UUID teamId,
			UUID ownerId, UUID parentId, UUID parentKeyResultId, ObjectiveType type, Visibility visibility,
			String retrospective, UUID carriedFromId, Double finalScore, Instant createdAt, long version) {
		this(id, cycleId, key, title, description, level, teamId, ownerId, parentId, parentKeyResultId, type,
				visibility, retrospective, carriedFromId, finalScore, createdAt, version, false, null);
	}

	/** Seen only by those who may see a private objective: a draft, or a private one. */
	public boolean restricted() {
		return draft || visibility == Visibility.PRIVATE;
	}

	public boolean archived() {
		return archivedAt != null;
	}
}
