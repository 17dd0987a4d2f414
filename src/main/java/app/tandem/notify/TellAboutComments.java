package app.tandem.notify;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tandem.comment.CommentPosted;
import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.notify.domain.NotificationKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A comment tells the people it mentions, and the owners of what it is on: never its author, each person once (a
 * mentioned owner is told of the mention), and only those who may see what it is on.
 */
@Component
class TellAboutComments {

	private final NotificationWriter writer;

	private final Subjects subjects;

	private final IdentityApi identity;

	TellAboutComments(NotificationWriter writer, Subjects subjects, IdentityApi identity) {
		this.writer = writer;
		this.subjects = subjects;
		this.identity = identity;
	}

	/** After the comment committed; a failure leaves the publication to be run again, which writes nothing twice. */
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(CommentPosted posted) {
		String by = writer.nameOf(posted.authorId());
		Set<UUID> told = new LinkedHashSet<>();
		told.add(posted.authorId());
		for (UUID mentioned : posted.mentioned()) {
			if (told.add(mentioned)) {
				tell(mentioned, NotificationKind.MENTION, posted, by);
			}
		}
		Optional<Caller> author = identity.callerOf(posted.authorId());
		author.flatMap(a -> seen(posted, a)).ifPresent(subject -> subject.owners().forEach(owner -> {
			if (told.add(owner)) {
				tell(owner, NotificationKind.COMMENT, posted, by);
			}
		}));
	}

	private void tell(UUID recipient, NotificationKind kind, CommentPosted posted, String by) {
		identity.callerOf(recipient).flatMap(caller -> seen(posted, caller)).ifPresent(subject -> writer.write(
				new NewNotification(recipient, kind, posted.subjectType().name(), posted.subjectId().toString(),
						posted.authorId(), Map.of("by", by, "title", subject.title(), "comment",
								posted.commentId().toString()),
						anchored(subject.path(), posted.commentId()), posted.at(),
						kind.name() + ":" + posted.commentId() + ":" + recipient)));
	}

	private Optional<Subjects.Seen> seen(CommentPosted posted, Caller caller) {
		return switch (posted.subjectType()) {
			case OBJECTIVE -> subjects.objective(posted.subjectId(), caller);
			case KEY_RESULT -> subjects.keyResult(posted.subjectId(), caller);
			case KPI -> subjects.kpi(posted.subjectId());
		};
	}

	/** The comment's place in its conversation; a key result's page part shows its conversation where it is. */
	private static String anchored(String path, UUID comment) {
		return path.contains("#") ? path : path + "#comment-" + comment;
	}
}
