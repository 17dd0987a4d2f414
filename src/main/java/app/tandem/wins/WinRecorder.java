package app.tandem.wins;

import java.util.List;
import java.util.Optional;

import app.tandem.okr.CycleClosed;
import app.tandem.okr.KeyResultCheckedIn;
import app.tandem.okr.OkrScores;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records wins when okr says something happened: a check-in that leaves a key result DONE, a cycle closed. It runs
 * once the change has committed, before the request answers (so the win shows at once), each win in a transaction
 * of its own: a failure here never undoes a check-in or a close. The event's publication was recorded with the
 * change (Modulith's registry); a failure escapes, leaves it incomplete and it is resubmitted later
 * ({@code config.EventPublications}). Running twice records nothing twice: a win is unique by kind and subject.
 */
@Component
class WinRecorder {

	private final OkrScores outcomes;

	private final WinStore store;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate reading;

	private final org.springframework.context.ApplicationEventPublisher events;

	WinRecorder(OkrScores outcomes, WinStore store, PlatformTransactionManager transactions,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.outcomes = outcomes;
		this.store = store;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// The committed transaction's connection may still be bound here: reads take one of their own too.
		this.reading = new TransactionTemplate(transactions);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reading.setReadOnly(true);
	}

	/**
	 * Only check-ins that leave their key result done: the condition is evaluated before the registry records a
	 * publication, so the others cost no statement.
	 */
	@TransactionalEventListener(fallbackExecution = true,
			condition = "#checkedIn.status() == T(app.tandem.okr.domain.Status).DONE")
	void on(KeyResultCheckedIn checkedIn) {
		if (!WinRules.keyResultWins(checkedIn.status())) {
			return;
		}
		Optional<OkrScores.ObjectiveOutcome> outcome = reading.execute(status -> outcomes.of(checkedIn.objectiveId()));
		outcome.ifPresent(objective -> objective.keyResults().stream()
			.filter(kr -> kr.id().equals(checkedIn.keyResultId()) && WinRules.keyResultWins(kr.status()))
			.forEach(kr -> record(List.of(NewWin.keyResult(objective, kr, checkedIn.at())))));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CycleClosed closed) {
		reading.execute(status -> outcomes.inCycle(closed.cycleId()))
			.forEach(objective -> record(WinRules.of(objective, closed.closedAt())));
	}

	/** How many of these were new. */
	int record(List<NewWin> wins) {
		int recorded = 0;
		for (NewWin win : wins) {
			if (recordOnce(win)) {
				recorded++;
			}
		}
		return recorded;
	}

	/**
	 * Two check-ins of one key result at once both find no win and both insert: the one that loses to the unique
	 * key finds the win recorded, which is all it had to make sure of, so its publication completes.
	 */
	private boolean recordOnce(NewWin win) {
		try {
			return Boolean.TRUE.equals(ownTransaction.execute(status -> {
				boolean recorded = store.insertIfAbsent(win);
				if (recorded) {
					events.publishEvent(new WinRecorded(win.subjectId(), win.kind().name(), win.objectiveId(), win.title(),
							win.cycleId(), win.teamId(), win.personId(), win.score(), win.at()));
				}
				return recorded;
			}));
		}
		catch (DuplicateKeyException recordedMeanwhile) {
			return false;
		}
	}

}
