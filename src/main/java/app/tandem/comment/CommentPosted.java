package app.tandem.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A comment was written, with the people it mentions (those that exist), published in its transaction: the
 * notifications tell the mentioned and the owners of what it is on.
 */
@DomainEvent
public record CommentPosted(UUID commentId, Comments.SubjectType subjectType, UUID subjectId, UUID authorId,
		List<UUID> mentioned, Instant at) {
}
