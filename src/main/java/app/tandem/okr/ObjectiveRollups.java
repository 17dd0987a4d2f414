package app.tandem.okr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import app.tandem.okr.domain.Evaluation;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.CycleStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import org.springframework.stereotype.Component;

/**
 * Keeps each objective's stored progress and score in step with its key results, by the same
 * evaluation that every read uses. After a change to an objective, the objectives above it that
 * have no key results of their own (and so take the mean of what is aligned to them) follow.
 */
@Component
class ObjectiveRollups {

	private final ObjectiveStore objectives;

	private final CycleStore cycles;

	private final KeyResultStore keyResults;

	private final OkrEvaluations evaluations;

	ObjectiveRollups(ObjectiveStore objectives, CycleStore cycles, KeyResultStore keyResults,
			OkrEvaluations evaluations) {
		this.objectives = objectives;
		this.cycles = cycles;
		this.keyResults = keyResults;
		this.evaluations = evaluations;
	}

	/**
	 * Locks the objectives whose stored roll-up a change to these objectives or their key results refreshes: each of
	 * them and, up the alignment, every parent that takes its progress from what is aligned to it. Every write that
	 * refreshes takes this lock before it writes anything, so that concurrent writes to one objective take turns and
	 * each refresh reads what the others committed (a refresh reading beside another's uncommitted check-in stored a
	 * stale mean). The locks are taken in id order and before any key result's row: two writes never wait for each
	 * other's locks in opposite orders. Ids that are null or name no objective are skipped.
	 */
	void lock(UUID... objectiveIds) {
		Set<UUID> affected = new TreeSet<>();
		for (UUID id : objectiveIds) {
			affected.addAll(chainFrom(id));
		}
		affected.forEach(objectives::findForUpdate);
	}

	/** The objective and the parents above it whose roll-up follows from it, as {@link #refresh} walks them. */
	private List<UUID> chainFrom(UUID objectiveId) {
		List<UUID> chain = new ArrayList<>();
		UUID current = objectiveId;
		while (current != null && !chain.contains(current)) {
			ObjectiveRow row = objectives.find(current).orElse(null);
			if (row == null) {
				break;
			}
			chain.add(current);
			current = row.parentId() != null && hasNoKeyResults(row.parentId()) ? row.parentId() : null;
		}
		return chain;
	}

	/**
	 * Call at the end of every write that touches the objective or its key results, having taken {@link #lock}
	 * first. Each objective is read under its lock (taken here too, should the alignment have changed meanwhile).
	 */
	void refresh(UUID objectiveId) {
		Set<UUID> seen = new HashSet<>();
		UUID current = objectiveId;
		while (current != null && seen.add(current)) {
			ObjectiveRow row = objectives.findForUpdate(current).orElse(null);
			if (row == null) {
				return;
			}
			OkrEvaluations.Evaluated evaluated = evaluations.evaluate(List.of(row), null);
			store(row, evaluated);
			UUID parent = row.parentId();
			current = parent != null && objectives.find(parent).isPresent() && hasNoKeyResults(parent) ? parent : null;
		}
	}

	/** For objectives that lost or gained an aligned objective (its parent before and after). */
	void refreshIfPresent(UUID objectiveId) {
		if (objectiveId != null) {
			refresh(objectiveId);
		}
	}

	/** Every objective of a cycle, from one evaluation (after a restore, or for rows never computed). */
	void refreshCycle(UUID cycleId) {
		List<ObjectiveRow> rows = objectives.inCycle(cycleId);
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(rows, null);
		rows.forEach(row -> store(row, evaluated));
	}

	void refreshAll() {
		cycles.all().forEach(cycle -> refreshCycle(cycle.id()));
	}

	private boolean hasNoKeyResults(UUID objectiveId) {
		return keyResults.countOf(objectiveId) == 0;
	}

	private void store(ObjectiveRow row, OkrEvaluations.Evaluated evaluated) {
		Evaluation evaluation = evaluated.of(row.id());
		List<KeyResultRow> krs = evaluated.keyResultsOf(row.id());
		CycleRow cycle = evaluated.cycles().get(row.cycleId());
		LocalDate windowEnd = cycle.endDate();
		boolean hasThreshold = false;
		if (!krs.isEmpty()) {
			windowEnd = krs.get(0).dueDate();
			for (KeyResultRow kr : krs) {
				windowEnd = kr.dueDate().isAfter(windowEnd) ? kr.dueDate() : windowEnd;
				hasThreshold |= kr.type() == KeyResultType.THRESHOLD;
			}
		}
		objectives.storeRollup(row.id(), evaluation.progress(), evaluation.score(), windowEnd, hasThreshold, krs.size());
	}
}
