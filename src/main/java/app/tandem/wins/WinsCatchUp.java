package app.tandem.wins;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.okr.Cycles;
import app.tandem.okr.OkrOutcomes;
import app.tandem.okr.OkrViews;
import app.tandem.shared.ClusterSchedule;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, on one node of those started within the hour: the wins the data already holds and the feed lacks. Once, for data from before wins were
 * recorded (the key results already DONE, the objectives of cycles closed with 0.7 or more); after that, any win a
 * failure kept {@link WinRecorder} from recording. Idempotent: a recorded win is never recorded twice.
 */
@Component
class WinsCatchUp {

	private static final Logger log = LoggerFactory.getLogger(WinsCatchUp.class);

	private static final int CYCLES_PER_READ = 100;

	private final Cycles cycles;

	private final OkrOutcomes outcomes;

	private final WinRecorder recorder;

	private final TransactionTemplate reading;

	private final Clock clock;

	WinsCatchUp(Cycles cycles, OkrOutcomes outcomes, WinRecorder recorder, PlatformTransactionManager transactions, Clock clock) {
		this.cycles = cycles;
		this.outcomes = outcomes;
		this.recorder = recorder;
		this.clock = clock;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	@EventListener(ApplicationReadyEvent.class)
	@SchedulerLock(name = "wins-catch-up", lockAtLeastFor = ClusterSchedule.START_UP, lockAtMostFor = ClusterSchedule.START_UP)
	void atStart() {
		int recorded = catchUp();
		if (recorded > 0) {
			log.info("Recorded {} wins the feed lacked", recorded);
		}
	}

	/** How many wins were new. */
	int catchUp() {
		Instant now = Instant.now(clock);
		int recorded = 0;
		UUID after = null;
		List<OkrViews.CycleView> page;
		do {
			page = cycles.list(after, CYCLES_PER_READ);
			for (OkrViews.CycleView cycle : page) {
				UUID id = UUID.fromString(cycle.id());
				for (OkrOutcomes.ObjectiveOutcome objective : reading.execute(status -> outcomes.inCycle(id))) {
					recorded += recorder.record(WinRules.of(objective, now));
				}
				after = id;
			}
		}
		while (page.size() == CYCLES_PER_READ);
		return recorded;
	}
}
