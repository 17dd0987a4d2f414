package app.tandem.okr;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.KeyResultCheckIn;
import app.tandem.okr.domain.KeyResultEvaluator;
import app.tandem.okr.domain.Status;
import app.tandem.okr.persistence.CheckInRow;
import app.tandem.okr.persistence.CheckInStore;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.audit.AuditTrail;
import app.tandem.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a check-in is stored, whichever path it comes by (the API and the page through
 * {@link KeyResults#checkIn}, an OKR file through {@link KeyResults#checkInAll}, the KPI that measures the key result
 * through {@link KeyResults#recordFromKpi}, the demo): its row, its audit event, the key result's derived fields (as
 * {@link KeyResultCheckIn#effectOn} says), its objective's roll-up, and the {@link KeyResultCheckedIn} other modules
 * react to. It runs in the caller's transaction, the objective already locked and the check-in already checked;
 * {@code OkrArchitectureTests} keeps every other class from writing check-ins.
 */
@Component
class CheckInRecorder {

	private final CheckInStore checkIns;

	private final KeyResultStore keyResults;

	private final ObjectiveRollups rollups;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	CheckInRecorder(CheckInStore checkIns, KeyResultStore keyResults, ObjectiveRollups rollups, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.checkIns = checkIns;
		this.keyResults = keyResults;
		this.rollups = rollups;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * One check-in; {@code ingestionId} names the KPI ingestion it comes from (null for a person's), so that the
	 * ingestion's reaction, run again, finds it.
	 */
	CheckInRow record(KeyResultRow kr, ObjectiveRow objective, Cycle cycle, KeyResultCheckIn checkIn, UUID authorId,
			String source, UUID ingestionId, Instant now) {
		CheckInRow row = row(kr, checkIn, authorId, source, now);
		if (ingestionId == null) {
			checkIns.insert(row);
		}
		else {
			checkIns.insertFromIngestion(row, ingestionId);
		}
		audit.record("check_in", row.id(), "CREATED", AuditTrail.diff(null, row));
		KeyResultCheckIn.Effect effect = checkIn.effectOn(kr.definition(), kr.createdAt(), cycle);
		keyResults.applyCheckIn(row, effect.counted(), effect.inRange(), effect.lineX());
		rollups.refresh(kr.objectiveId());
		publishCheckedIn(kr, objective, cycle, row, now);
		return row;
	}

	/**
	 * A key result's past check-ins at once (an OKR file's history): the rows and their audit events in batches, the
	 * key result's derived fields recomputed from all its check-ins and its objective's roll-up refreshed once, and
	 * one {@link KeyResultCheckedIn} of the latest, with the key result's status before and after all of them.
	 */
	void recordAll(KeyResultRow kr, ObjectiveRow objective, CycleRow cycleRow, List<KeyResultCheckIn> list,
			UUID authorId, Instant now) {
		List<CheckInRow> rows = list.stream().map(checkIn -> row(kr, checkIn, authorId, "MANUAL", now)).toList();
		checkIns.insertAll(rows);
		audit.recordAll("check_in", "CREATED",
				rows.stream().map(row -> Map.entry((Object) row.id(), AuditTrail.diff(null, row))).toList());
		keyResults.refreshTally(kr.id(), cycleRow.startDate(), cycleRow.endDate(), kr.createdAt());
		rollups.refresh(kr.objectiveId());
		CheckInRow latest = rows.stream()
			.max(Comparator.comparing(CheckInRow::at).thenComparing(CheckInRow::id))
			.orElseThrow();
		publishCheckedIn(kr, objective, cycleRow.cycle(), latest, now);
	}

	private static CheckInRow row(KeyResultRow kr, KeyResultCheckIn checkIn, UUID authorId, String source,
			Instant now) {
		return new CheckInRow(Ids.next(), kr.id(), checkIn.at(), checkIn.value(), checkIn.achieved(),
				checkIn.confidence(), checkIn.note(), authorId, source, now);
	}

	/** The key result's status before and after the check-in, from its row (cheap: no check-ins are read). */
	private void publishCheckedIn(KeyResultRow before, ObjectiveRow objective, Cycle cycle, CheckInRow checkIn,
			Instant now) {
		KeyResultRow after = keyResults.find(before.id()).orElseThrow();
		events.publishEvent(new KeyResultCheckedIn(before.id(), objective.id(), checkIn.id(), checkIn.authorId(),
				checkIn.at(), statusOf(before, objective, cycle, now), statusOf(after, objective, cycle, now)));
	}

	private static Status statusOf(KeyResultRow kr, ObjectiveRow objective, Cycle cycle, Instant at) {
		return KeyResultEvaluator.evaluate(kr.definition(), kr.measured(), kr.grade(), objective.type(), cycle, at)
			.status();
	}
}
