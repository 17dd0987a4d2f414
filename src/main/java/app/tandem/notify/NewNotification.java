package app.tandem.notify;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.tandem.notify.domain.NotificationKind;

/**
 * A notification to write: for whom, of what kind, about what (and where it is shown), by whom, the values its words
 * take, and the key that makes it once: the happening's own id and the recipient.
 */
record NewNotification(UUID recipientId, NotificationKind kind, String subjectType, String subjectId, UUID actorId,
		Map<String, Object> params, String path, Instant at, String dedupeKey) {
}
