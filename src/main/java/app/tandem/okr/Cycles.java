package app.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.tandem.okr.domain.Cycle;
import app.tandem.okr.persistence.CheckInStore;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.CycleStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.audit.AuditTrail;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cycles: planned, active, and closed, which freezes every score of the cycle. */
@Service
public class Cycles {

	private final CycleStore cycles;

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final OkrEvaluations evaluations;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ObjectiveRollups rollups;

	private final CheckInStore checkIns;

	Cycles(CycleStore cycles, ObjectiveStore objectives, KeyResultStore keyResults, OkrEvaluations evaluations,
			AuditTrail audit, ApplicationEventPublisher events, ObjectiveRollups rollups, CheckInStore checkIns) {
		this.checkIns = checkIns;
		this.rollups = rollups;
		this.events = events;
		this.audit = audit;
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.evaluations = evaluations;
	}

	public List<OkrViews.CycleView> list(UUID after, int limit) {
		return cycles.list(after, limit).stream().map(this::view).toList();
	}

	public OkrViews.CycleView get(UUID id) {
		return view(row(id));
	}

	CycleRow findRow(UUID id) {
		return cycles.find(id).orElse(null);
	}

	CycleRow row(UUID id) {
		return cycles.find(id).orElseThrow(() -> new NotFoundException("cycle", id));
	}

	@Transactional
	public OkrViews.CycleView create(OkrCommands.CreateCycle command) {
		checkDates(command.startDate(), command.endDate());
		if (cycles.findByName(command.name()).isPresent()) {
			throw new ConflictException("A cycle named " + command.name() + " exists already");
		}
		UUID id = Ids.next();
		CycleRow row = new CycleRow(id, command.name(), command.startDate(), command.endDate(), null, evaluations.now(), 0);
		cycles.insert(row);
		audit.record("cycle", id, "CREATED", AuditTrail.diff(null, row));
		return get(id);
	}

	@Transactional
	public OkrViews.CycleView update(UUID id, OkrCommands.UpdateCycle command, Versions versions) {
		CycleRow current = row(id);
		versions.check("Cycle " + id, current.version());
		requireOpen(current);
		String name = command.name() != null ? command.name() : current.name();
		LocalDate start = command.startDate() != null ? command.startDate() : current.startDate();
		LocalDate end = command.endDate() != null ? command.endDate() : current.endDate();
		checkDates(start, end);
		boolean newDates = !start.equals(current.startDate()) || !end.equals(current.endDate());
		if (newDates) {
			CheckInStore.Outside outside = checkIns.leftOutside(id, dayStart(current.startDate()),
					dayStart(current.endDate().plusDays(1)), dayStart(start), dayStart(end.plusDays(1)));
			if (outside.count() > 0) {
				throw new ConflictException(outside.count() + (outside.count() == 1 ? " check-in" : " check-ins")
						+ " would fall outside the new dates (" + LocalDate.ofInstant(outside.first(), ZoneOffset.UTC)
						+ (outside.count() == 1 ? "" : " to " + LocalDate.ofInstant(outside.last(), ZoneOffset.UTC))
						+ "); choose dates that keep them");
			}
			// their tallies are recomputed below: no check-in may write them meanwhile
			rollups.lock(objectives.inCycle(id).stream().map(ObjectiveRow::id).toArray(UUID[]::new));
		}
		cycles.findByName(name).filter(other -> !other.id().equals(id)).ifPresent(other -> {
			throw new ConflictException("A cycle named " + name + " exists already");
		});
		if (!cycles.update(id, current.version(), name, start, end)) {
			throw new StaleVersionException("Cycle " + id, current.version(), current.version() + 1, versions.fromIfMatch());
		}
		audit.record("cycle", id, "UPDATED", AuditTrail.diff(current, new CycleRow(id, name, start, end,
				current.closedAt(), current.createdAt(), current.version())));
		if (newDates) {
			refreshKeyResults(id, start, end);
		}
		return get(id);
	}

	/**
	 * Which check-ins count in a key result's tally and line depends on its cycle's dates: new dates recompute
	 * them from the check-ins, and the objectives' stored progress with them, as a restore would.
	 */
	private void refreshKeyResults(UUID cycleId, LocalDate start, LocalDate end) {
		List<UUID> inCycle = objectives.inCycle(cycleId).stream().map(ObjectiveRow::id).toList();
		if (inCycle.isEmpty()) {
			return;
		}
		for (KeyResultRow kr : keyResults.ofObjectives(inCycle)) {
			keyResults.refreshTally(kr.id(), start, end, kr.createdAt());
		}
		rollups.refreshCycle(cycleId);
	}

	/** Closes the cycle and freezes the score of every objective and key result in it. */
	@Transactional
	public OkrViews.CycleView close(UUID id, Versions versions) {
		CycleRow current = row(id);
		versions.check("Cycle " + id, current.version());
		requireOpen(current);
		// objectives first, in the order every check-in and ingestion takes them: no deadlock with either, and no
		// check-in lands between the frozen scores and the closing
		rollups.lock(objectives.inCycle(id).stream().map(ObjectiveRow::id).toArray(UUID[]::new));
		Instant now = evaluations.now();
		audit.record("cycle", id, "CLOSED", AuditTrail.change("closedAt", null, now));
		List<ObjectiveRow> inCycle = objectives.inCycle(id);
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(inCycle, null);
		for (ObjectiveRow objective : inCycle) {
			objectives.freezeScore(objective.id(), evaluated.of(objective.id()).score());
			List<KeyResultRow> rows = evaluated.keyResultsOf(objective.id());
			for (int i = 0; i < rows.size(); i++) {
				keyResults.freezeScore(rows.get(i).id(), evaluated.keyResultEvaluationsOf(objective.id()).get(i).score());
			}
		}
		if (!cycles.close(id, current.version(), now)) {
			throw new ConflictException("The cycle was changed or closed meanwhile");
		}
		events.publishEvent(new CycleClosed(id, now));
		return get(id);
	}

	/** Closed cycles are read-only (but for retrospective notes). */
	static void requireOpen(CycleRow cycle) {
		if (cycle.closedAt() != null) {
			throw new ConflictException("Cycle " + cycle.name() + " is closed and read-only");
		}
	}

	private static void checkDates(LocalDate start, LocalDate end) {
		if (end.isBefore(start)) {
			throw InvalidInputException.of("endDate", "must not be before the start date");
		}
	}

	OkrViews.CycleView view(CycleRow row) {
		Cycle cycle = row.cycle();
		return new OkrViews.CycleView(row.id().toString(), row.name(), row.startDate(), row.endDate(),
				cycle.stateAt(evaluations.now()), row.closedAt(), row.createdAt(), row.version());
	}

	private static Instant dayStart(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}
