package app.tandem.okr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tandem.identity.Caller;
import app.tandem.okr.domain.Evaluation;
import app.tandem.okr.domain.Status;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.Sight;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What objectives and key results have come to, for those who celebrate it (the wins): each objective's score (its
 * frozen one once the cycle is closed) and each key result's status, evaluated now without forecasts or the coach.
 */
@Service
@Transactional(readOnly = true)
public class OkrScores {

	private final ObjectiveStore objectives;

	private final OkrEvaluations evaluations;

	private final OkrAccess access;

	OkrScores(ObjectiveStore objectives, OkrEvaluations evaluations, OkrAccess access) {
		this.objectives = objectives;
		this.evaluations = evaluations;
		this.access = access;
	}

	public record KeyResultOutcome(UUID id, String title, UUID ownerId, Status status, Instant lastCheckInAt) {
	}

	/** {@code closedAt}: when its cycle was closed, null while it is open. */
	public record ObjectiveOutcome(UUID id, UUID cycleId, String title, UUID teamId, UUID ownerId, double score,
			Instant closedAt, List<KeyResultOutcome> keyResults) {
	}

	public Optional<ObjectiveOutcome> of(UUID objectiveId) {
		return objectives.find(objectiveId).map(row -> outcomes(List.of(row)).get(0));
	}

	public List<ObjectiveOutcome> inCycle(UUID cycleId) {
		return outcomes(objectives.inCycle(cycleId));
	}

	/** Those of the objectives that exist and that the caller may see (a private one only if they may). */
	public Set<UUID> visibleObjectives(Collection<UUID> objectiveIds, Caller caller) {
		Sight sight = access.sightOf(caller);
		return objectives.findAll(Set.copyOf(objectiveIds)).stream()
			.filter(sight::sees)
			.map(ObjectiveRow::id)
			.collect(Collectors.toSet());
	}

	private List<ObjectiveOutcome> outcomes(List<ObjectiveRow> rows) {
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(rows, null);
		List<ObjectiveOutcome> result = new ArrayList<>(rows.size());
		for (ObjectiveRow row : rows) {
			List<KeyResultRow> krs = evaluated.keyResultsOf(row.id());
			List<Evaluation> krEvaluations = evaluated.keyResultEvaluationsOf(row.id());
			List<KeyResultOutcome> keyResults = new ArrayList<>(krs.size());
			for (int i = 0; i < krs.size(); i++) {
				KeyResultRow kr = krs.get(i);
				keyResults.add(new KeyResultOutcome(kr.id(), kr.title(), kr.ownerId(), krEvaluations.get(i).status(),
						kr.lastCheckInAt()));
			}
			CycleRow cycle = evaluated.cycles().get(row.cycleId());
			result.add(new ObjectiveOutcome(row.id(), row.cycleId(), row.title(), row.teamId(), row.ownerId(),
					evaluated.of(row.id()).score(), cycle.closedAt(), keyResults));
		}
		return result;
	}
}
