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
import org.springframework.stereotype.Service;

/**
 * Evaluates objectives at an instant from one flat read: their key results, and for objectives
 * without key results the objectives aligned below them. Live reads use the latest values kept on
 * each key result; "as of" reads replay the check-ins and undo later definition changes.
 */
@Service
public class OkrEvaluations {

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

	/** The objectives evaluated, with their key results as they were at {@code at}. */
	public record Evaluated(Instant at, Map<UUID, ObjectiveRow> objectives, Map<UUID, List<KeyResultRow>> keyResults,
			Map<UUID, Measured> measured, Map<UUID, Integer> confidences, Map<UUID, Instant> lastCheckIns,
			Map<UUID, Evaluation> objectiveEvaluations,
			Map<UUID, Evaluation> keyResultEvaluations, Map<UUID, CycleRow> cycles) {

		public Evaluation of(UUID objectiveId) {
			return objectiveEvaluations.get(objectiveId);
		}
	}

	public Instant now() {
		return Instant.now(clock);
	}

	public Evaluated evaluate(List<ObjectiveRow> requested, Instant asOf) {
		return evaluate(requested, null, asOf);
	}

	/**
	 * @param preloadedKeyResults the key results of {@code requested} when the caller read them
	 * already (the dashboard reads a whole cycle at once), else null
	 */
	public Evaluated evaluate(List<ObjectiveRow> requested, List<KeyResultRow> preloadedKeyResults, Instant asOf) {
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
		Set<UUID> seen = new HashSet<>(all.keySet());
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

		List<KeyResultRow> allKeyResults = krs.values().stream().flatMap(List::stream).toList();
		if (asOf != null) {
			allKeyResults = asTheyWere(allKeyResults, asOf, krs);
		}
		Map<UUID, Integer> confidences = new HashMap<>();
		Map<UUID, Instant> lastCheckIns = new HashMap<>();
		Map<UUID, Measured> measured = asOf == null ? live(allKeyResults, confidences, lastCheckIns)
				: replay(allKeyResults, all, cycleRows, asOf, confidences, lastCheckIns);

		Map<UUID, Evaluation> krEvaluations = new HashMap<>();
		List<ObjectiveNode> nodes = new ArrayList<>(all.size());
		for (ObjectiveRow objective : all.values()) {
			CycleRow cycleRow = cycleRows.get(objective.cycleId());
			Cycle cycle = cycleRow.cycle();
			boolean frozen = cycleRow.closedAt() != null && !at.isBefore(cycleRow.closedAt());
			List<ObjectiveNode.EvaluatedKeyResult> evaluated = new ArrayList<>();
			for (KeyResultRow kr : krs.getOrDefault(objective.id(), List.of())) {
				Evaluation evaluation = KeyResultEvaluator.evaluate(kr.definition(), measured.get(kr.id()), kr.grade(),
						objective.type(), cycle, at);
				if (frozen && kr.finalScore() != null) {
					evaluation = new Evaluation(evaluation.progress(), evaluation.expectedProgress(),
							evaluation.status(), kr.finalScore());
				}
				krEvaluations.put(kr.id(), evaluation);
				evaluated.add(new ObjectiveNode.EvaluatedKeyResult(kr.id(), kr.definition(), evaluation));
			}
			nodes.add(new ObjectiveNode(objective.id(), objective.parentId(), objective.parentKeyResultId(),
					objective.type(), cycle, evaluated));
		}
		ObjectiveRollup rollup = new ObjectiveRollup(nodes, at);
		Map<UUID, Evaluation> objectiveEvaluations = new HashMap<>();
		for (ObjectiveRow objective : all.values()) {
			Evaluation evaluation = rollup.evaluate(objective.id());
			CycleRow cycleRow = cycleRows.get(objective.cycleId());
			if (objective.finalScore() != null && cycleRow.closedAt() != null && !at.isBefore(cycleRow.closedAt())) {
				evaluation = new Evaluation(evaluation.progress(), evaluation.expectedProgress(), evaluation.status(),
						objective.finalScore());
			}
			objectiveEvaluations.put(objective.id(), evaluation);
		}
		return new Evaluated(at, all, krs, measured, confidences, lastCheckIns, objectiveEvaluations, krEvaluations, cycleRows);
	}

	private static void addKeyResults(Map<UUID, List<KeyResultRow>> krs, Collection<KeyResultRow> rows, Instant asOf) {
		for (KeyResultRow row : rows) {
			if (asOf == null || !row.createdAt().isAfter(asOf)) {
				krs.computeIfAbsent(row.objectiveId(), k -> new ArrayList<>()).add(row);
			}
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

	private static Map<UUID, Measured> live(List<KeyResultRow> rows, Map<UUID, Integer> confidences,
			Map<UUID, Instant> lastCheckIns) {
		Map<UUID, Measured> measured = new HashMap<>(rows.size() * 2);
		rows.forEach(kr -> {
			measured.put(kr.id(), kr.measured());
			confidences.put(kr.id(), kr.currentConfidence());
			lastCheckIns.put(kr.id(), kr.lastCheckInAt());
		});
		return measured;
	}

	/** Undoes, newest first, the definition changes made after {@code asOf}. */
	private List<KeyResultRow> asTheyWere(List<KeyResultRow> rows, Instant asOf, Map<UUID, List<KeyResultRow>> krs) {
		Map<UUID, KeyResultRow> byId = new LinkedHashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		for (KeyResultChangeRow change : changes.after(byId.keySet(), asOf)) {
			KeyResultRow row = byId.get(change.keyResultId());
			if (row != null && change.field() != null) {
				byId.put(row.id(), KeyResultFields.withField(row, change.field(), change.oldValue()));
			}
		}
		krs.replaceAll((objectiveId, list) -> list.stream().map(r -> byId.get(r.id())).toList());
		return List.copyOf(byId.values());
	}

	/** Measured state of each key result from its check-ins up to {@code asOf}. */
	private Map<UUID, Measured> replay(List<KeyResultRow> rows, Map<UUID, ObjectiveRow> objectives,
			Map<UUID, CycleRow> cycleRows, Instant asOf, Map<UUID, Integer> confidences,
			Map<UUID, Instant> lastCheckIns) {
		Map<UUID, KeyResultRow> byId = new HashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		Map<UUID, Measured> measured = new HashMap<>();
		rows.forEach(r -> measured.put(r.id(), Measured.NOTHING));
		Map<UUID, int[]> tallies = new HashMap<>();
		for (CheckInRow checkIn : checkIns.upTo(byId.keySet(), asOf)) {
			KeyResultRow kr = byId.get(checkIn.keyResultId());
			Cycle cycle = cycleRows.get(objectives.get(kr.objectiveId()).cycleId()).cycle();
			int[] tally = tallies.computeIfAbsent(kr.id(), k -> new int[2]);
			if (cycle.contains(checkIn.at())) {
				tally[0]++;
				if (checkIn.value() != null && KeyResultProgress.inRange(kr.definition(), checkIn.value())) {
					tally[1]++;
				}
			}
			measured.put(kr.id(), new Measured(checkIn.value(), checkIn.achieved(), tally[0], tally[1]));
			confidences.put(kr.id(), checkIn.confidence());
			lastCheckIns.put(kr.id(), checkIn.at());
		}
		return measured;
	}
}
