package app.tandem.wins;

import java.util.List;
import java.util.Optional;

import app.tandem.okr.CycleClosed;
import app.tandem.okr.KeyResultCheckedIn;
import app.tandem.okr.OkrOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records wins when okr says something happened: a check-in that leaves a key result DONE, a cycle closed. It runs
 * once the change has committed, before the request answers (so the win shows at once), each win in a transaction
 * of its own: a failure here never undoes a check-in or a close, it is logged and the start-up catch-up
 * ({@link WinsCatchUp}) records the win later.
 */
@Component
class WinRecorder {

	private static final Logger log = LoggerFactory.getLogger(WinRecorder.class);

	private final OkrOutcomes outcomes;

	private final WinStore store;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate reading;

	WinRecorder(OkrOutcomes outcomes, WinStore store, PlatformTransactionManager transactions) {
		this.outcomes = outcomes;
		this.store = store;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// The committed transaction's connection may still be bound here: reads take one of their own too.
		this.reading = new TransactionTemplate(transactions);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reading.setReadOnly(true);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(KeyResultCheckedIn checkedIn) {
		if (!WinRules.keyResultWins(checkedIn.status())) {
			return;
		}
		try {
			Optional<OkrOutcomes.ObjectiveOutcome> outcome = reading.execute(status -> outcomes.of(checkedIn.objectiveId()));
			outcome.ifPresent(objective -> objective.keyResults().stream()
				.filter(kr -> kr.id().equals(checkedIn.keyResultId()) && WinRules.keyResultWins(kr.status()))
				.forEach(kr -> record(List.of(NewWin.keyResult(objective, kr, checkedIn.at())))));
		}
		catch (RuntimeException e) {
			log.warn("Could not record the win of key result {}; the start-up catch-up will", checkedIn.keyResultId(), e);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CycleClosed closed) {
		try {
			reading.execute(status -> outcomes.inCycle(closed.cycleId()))
				.forEach(objective -> record(WinRules.of(objective, closed.closedAt())));
		}
		catch (RuntimeException e) {
			log.warn("Could not record the wins of cycle {}; the start-up catch-up will", closed.cycleId(), e);
		}
	}

	/** How many of these were new. */
	int record(List<NewWin> wins) {
		int recorded = 0;
		for (NewWin win : wins) {
			if (Boolean.TRUE.equals(ownTransaction.execute(status -> store.insertIfAbsent(win)))) {
				recorded++;
			}
		}
		return recorded;
	}

}
