package app.tandem.notify;

import java.util.Map;

import app.tandem.identity.IdentityApi;
import app.tandem.notify.domain.NotificationKind;
import app.tandem.okr.OwnerAssigned;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Someone made owner of an objective or a key result by somebody else is told, with a link to it. */
@Component
class TellNewOwners {

	private final NotificationWriter writer;

	private final Subjects subjects;

	private final IdentityApi identity;

	TellNewOwners(NotificationWriter writer, Subjects subjects, IdentityApi identity) {
		this.writer = writer;
		this.subjects = subjects;
		this.identity = identity;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(OwnerAssigned assigned) {
		identity.callerOf(assigned.ownerId())
			.flatMap(owner -> assigned.subject() == OwnerAssigned.Subject.OBJECTIVE
					? subjects.objective(assigned.subjectId(), owner) : subjects.keyResult(assigned.subjectId(), owner))
			.ifPresent(subject -> writer.write(new NewNotification(assigned.ownerId(), NotificationKind.OWNER,
					assigned.subject().name(), assigned.subjectId().toString(), assigned.byId(),
					Map.of("by", writer.nameOf(assigned.byId()), "title", subject.title()), subject.path(),
					assigned.at(), "OWNER:" + assigned.subjectId() + ":" + assigned.ownerId() + ":" + assigned.at())));
	}
}
