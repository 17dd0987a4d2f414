package app.tandem.okr;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.Evaluation;
import app.tandem.okr.domain.KeyResultEvaluator;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.okr.domain.KeyResultProgress;
import app.tandem.okr.domain.Measured;
import app.tandem.okr.domain.ObjectiveNode;
import app.tandem.okr.domain.ObjectiveRollup;
import app.tandem.okr.persistence.CheckInRow;
import app.tandem.okr.persistence.CheckInStore;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.CycleStore;
import app.tandem.okr.persistence.KeyResultChangeRow;
import app.tandem.okr.persistence.KeyResultChangeStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.shared.math.RunningFit;
import org.springframework.stereotype.Service;

/**
 * Evaluates objectives at an instant from one flat read: their key results, and for objectives
 * without key results the objectives aligned below them. Live reads use the latest values kept on
 * each key result; "as of" reads replay the check-ins and undo later definition changes.
 */
@Service
class OkrEvaluations {

	private final CycleStore cycles;

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final CheckInStore checkIns;

	private final KeyResultChangeStore changes;

	private final Clock clock;

	OkrEvaluations(CycleStore cycles, ObjectiveStore objectives, KeyResultStore keyResults, CheckInStore checkIns,
			KeyResultChangeStore changes, Clock clock) {
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.checkIns = checkIns;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * The objectives evaluated, with their key results as they were at {@code at} and, in the same
	 * order, their evaluations. Live reads take the latest value from each key result row; "as of"
	 * reads carry what the replayed check-ins said.
	 */
	record Evaluated(Instant at, Map<UUID, ObjectiveRow> objectives, Map<UUID, List<KeyResultRow>> keyResults,
			Map<UUID, Evaluation> objectiveEvaluations, Map<UUID, List<Evaluation>> keyResultEvaluations,
			Map<UUID, Replayed> replayed, Map<UUID, CycleRow> cycles) {

		Evaluation of(UUID objectiveId) {
			return objectiveEvaluations.get(objectiveId);
		}

		List<KeyResultRow> keyResultsOf(UUID objectiveId) {
			return keyResults.getOrDefault(objectiveId, List.of());
		}

		List<Evaluation> keyResultEvaluationsOf(UUID objectiveId) {
			return keyResultEvaluations.getOrDefault(objectiveId, List.of());
		}

		Measured measured(KeyResultRow kr) {
			return replayed.isEmpty() ? kr.measured() : replayed.get(kr.id()).measured();
		}

		Integer confidence(KeyResultRow kr) {
			return replayed.isEmpty() ? kr.currentConfidence() : replayed.get(kr.id()).confidence();
		}

		Instant lastCheckInAt(KeyResultRow kr) {
			return replayed.isEmpty() ? kr.lastCheckInAt() : replayed.get(kr.id()).lastCheckInAt();
		}

		/** The line through the key result's value check-ins in its cycle, up to {@link #at}; null if not kept yet. */
		RunningFit fit(KeyResultRow kr) {
			return replayed.isEmpty() ? kr.fit() : replayed.get(kr.id()).fit();
		}
	}

	/**
	 * What the check-ins up to an instant said about one key result, with the line through its value check-ins
	 * in the cycle (as the key result keeps it live).
	 */
	record Replayed(Measured measured, Integer confidence, Instant lastCheckInAt, RunningFit fit) {

		static final Replayed NOTHING = new Replayed(Measured.NOTHING, null, null, RunningFit.EMPTY);
	}

	/** Now, to the microsecond: what both databases store, so an answer shows what a later read will. */
	Instant now() {
		return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	Evaluated evaluate(List<ObjectiveRow> requested, Instant asOf) {
		return evaluate(requested, null, asOf);
	}

	/**
	 * @param preloadedKeyResults the key results of {@code requested} when the caller read them
	 * already (the dashboard reads a whole cycle at once), else null
	 */
	Evaluated evaluate(List<ObjectiveRow> requested, List<KeyResultRow> preloadedKeyResults, Instant asOf) {
		Instant at = asOf != null ? asOf : now();
		Map<UUID, CycleRow> cycleRows = new HashMap<>();
		cycles.all().forEach(c -> cycleRows.put(c.id(), c));

		Map<UUID, ObjectiveRow> all = new LinkedHashMap<>();
		requested.forEach(o -> all.put(o.id(), o));
		Map<UUID, List<KeyResultRow>> krs = new HashMap<>();
		List<KeyResultRow> loaded = preloadedKeyResults != null ? preloadedKeyResults
				: keyResults.ofObjectives(all.keySet());
		addKeyResults(krs, loaded, asOf);

		// Objectives without key results roll up from the objectives aligned to them: fetch those, level by level.
		Set<UUID> frontier = withoutKeyResults(all.keySet(), krs);
		Set<UUID> seen = frontier.isEmpty() ? Set.of() : new HashSet<>(all.keySet());
		while (!frontier.isEmpty()) {
			List<ObjectiveRow> aligned = objectives.alignedTo(frontier, List.of());
			List<ObjectiveRow> fresh = new ArrayList<>();
			for (ObjectiveRow row : aligned) {
				if ((asOf == null || !row.createdAt().isAfter(asOf)) && seen.add(row.id())) {
					fresh.add(row);
					all.put(row.id(), row);
				}
			}
			addKeyResults(krs, keyResults.ofObjectives(fresh.stream().map(ObjectiveRow::id).toList()), asOf);
			frontier = withoutKeyResults(fresh.stream().map(ObjectiveRow::id).toList(), krs);
		}

		Map<UUID, Replayed> replayed = Map.of();
		if (asOf != null) {
			undoLaterChanges(krs, asOf);
			replayed = replay(krs, all, cycleRows, asOf);
		}

		Map<UUID, List<Evaluation>> krEvaluations = new HashMap<>(all.size() * 2);
		List<ObjectiveNode> nodes = new ArrayList<>(all.size());
		for (ObjectiveRow objective : all.values()) {
			CycleRow cycleRow = cycleRows.get(objective.cycleId());
			Cycle cycle = cycleRow.cycle();
			boolean frozen = cycleRow.closedAt() != null && !at.isBefore(cycleRow.closedAt());
			List<KeyResultRow> own = krs.getOrDefault(objective.id(), List.of());
			List<Evaluation> evaluations = new ArrayList<>(own.size());
			List<ObjectiveNode.EvaluatedKeyResult> evaluated = new ArrayList<>(own.size());
			for (KeyResultRow kr : own) {
				Measured measured = replayed.isEmpty() ? kr.measured() : replayed.get(kr.id()).measured();
				Evaluation evaluation = KeyResultEvaluator.evaluate(kr.definition(), measured, kr.grade(),
						objective.type(), cycle, at);
				if (frozen && kr.finalScore() != null) {
					evaluation = new Evaluation(evaluation.progress(), evaluation.expectedProgress(),
							evaluation.status(), kr.finalScore());
				}
				evaluations.add(evaluation);
				evaluated.add(new ObjectiveNode.EvaluatedKeyResult(kr.id(), kr.definition(), evaluation));
			}
			krEvaluations.put(objective.id(), evaluations);
			nodes.add(new ObjectiveNode(objective.id(), objective.parentId(), objective.parentKeyResultId(),
					objective.type(), cycle, evaluated));
		}
		ObjectiveRollup rollup = new ObjectiveRollup(nodes, at);
		Map<UUID, Evaluation> objectiveEvaluations = new HashMap<>(all.size() * 2);
		for (ObjectiveRow objective : all.values()) {
			Evaluation evaluation = rollup.evaluate(objective.id());
			CycleRow cycleRow = cycleRows.get(objective.cycleId());
			if (objective.finalScore() != null && cycleRow.closedAt() != null && !at.isBefore(cycleRow.closedAt())) {
				evaluation = new Evaluation(evaluation.progress(), evaluation.expectedProgress(), evaluation.status(),
						objective.finalScore());
			}
			objectiveEvaluations.put(objective.id(), evaluation);
		}
		return new Evaluated(at, all, krs, objectiveEvaluations, krEvaluations, replayed, cycleRows);
	}

	/** Groups key results by objective; rows that arrive grouped (ordered by objective) cost one lookup per objective. */
	private static void addKeyResults(Map<UUID, List<KeyResultRow>> krs, Collection<KeyResultRow> rows, Instant asOf) {
		UUID currentObjective = null;
		List<KeyResultRow> current = null;
		for (KeyResultRow row : rows) {
			if (asOf != null && row.createdAt().isAfter(asOf)) {
				continue;
			}
			if (!row.objectiveId().equals(currentObjective)) {
				currentObjective = row.objectiveId();
				current = krs.computeIfAbsent(currentObjective, k -> new ArrayList<>());
			}
			current.add(row);
		}
	}

	private static Set<UUID> withoutKeyResults(Collection<UUID> ids, Map<UUID, List<KeyResultRow>> krs) {
		Set<UUID> result = new HashSet<>();
		for (UUID id : ids) {
			if (krs.getOrDefault(id, List.of()).isEmpty()) {
				result.add(id);
			}
		}
		return result;
	}

	/** Undoes, newest first, the definition changes made after {@code asOf}. */
	private void undoLaterChanges(Map<UUID, List<KeyResultRow>> krs, Instant asOf) {
		Map<UUID, KeyResultRow> byId = new LinkedHashMap<>();
		krs.values().forEach(list -> list.forEach(r -> byId.put(r.id(), r)));
		for (KeyResultChangeRow change : changes.after(byId.keySet(), asOf)) {
			KeyResultRow row = byId.get(change.keyResultId());
			if (row != null && change.field() != null) {
				byId.put(row.id(), KeyResultFields.withField(row, change.field(), change.oldValue()));
			}
		}
		krs.replaceAll((objectiveId, list) -> list.stream().map(r -> byId.get(r.id())).toList());
	}

	/** What the check-ins up to {@code asOf} say about each key result. */
	private Map<UUID, Replayed> replay(Map<UUID, List<KeyResultRow>> krs, Map<UUID, ObjectiveRow> objectives,
			Map<UUID, CycleRow> cycleRows, Instant asOf) {
		Map<UUID, KeyResultRow> byId = new HashMap<>();
		krs.values().forEach(list -> list.forEach(r -> byId.put(r.id(), r)));
		Map<UUID, Replayed> replayed = new HashMap<>();
		byId.keySet().forEach(id -> replayed.put(id, Replayed.NOTHING));
		for (CheckInRow checkIn : checkIns.upTo(byId.keySet(), asOf)) {
			KeyResultRow kr = byId.get(checkIn.keyResultId());
			Cycle cycle = cycleRows.get(objectives.get(kr.objectiveId()).cycleId()).cycle();
			Replayed before = replayed.get(kr.id());
			boolean inCycle = cycle.contains(checkIn.at());
			boolean inRange = checkIn.value() != null && KeyResultProgress.inRange(kr.definition(), checkIn.value());
			RunningFit fit = before.fit();
			if (inCycle && checkIn.value() != null) {
				fit = fit.plus(KeyResultForecast.daysSince(kr.createdAt(), checkIn.at()), checkIn.value());
			}
			replayed.put(kr.id(), new Replayed(before.measured().then(checkIn.value(), checkIn.achieved(), inCycle, inRange),
					checkIn.confidence() != null ? checkIn.confidence() : before.confidence(), checkIn.at(), fit));
		}
		return replayed;
	}
}
