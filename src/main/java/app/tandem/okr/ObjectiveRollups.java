package app.tandem.okr;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

	/** Call at the end of every write that touches the objective or its key results. */
	void refresh(UUID objectiveId) {
		Set<UUID> seen = new HashSet<>();
		UUID current = objectiveId;
		while (current != null && seen.add(current)) {
			ObjectiveRow row = objectives.find(current).orElse(null);
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
