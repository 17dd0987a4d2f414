package app.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.okr.domain.ConfidenceCheck;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.Sight;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import app.tandem.shared.math.RunningFit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OKRs as written rather than as scored: a whole cycle's objectives and key-result definitions in
 * two reads (with where an owner's confidence and the data disagree), and what ties KPIs to the OKRs around a
 * cycle. The coach's input.
 */
@Service
@Transactional(readOnly = true)
public class OkrDefinitions {

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final OkrEvaluations evaluations;

	private final Cycles cycles;

	private final OkrAccess access;

	OkrDefinitions(ObjectiveStore objectives, KeyResultStore keyResults, OkrEvaluations evaluations, Cycles cycles,
			OkrAccess access) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.evaluations = evaluations;
		this.cycles = cycles;
		this.access = access;
	}

	/** An objective as written, with its key results: no scores, no check-ins. */
	public record WrittenObjective(String id, String cycleId, String title, Level level, ObjectiveType type,
			String teamId, String parentId, List<WrittenKeyResult> keyResults) {
	}

	/**
	 * A key result's definition as written, and whether its owner's latest confidence and its forecast disagree.
	 *
	 * @param confidenceNote what {@link ConfidenceCheck} says when they disagree, else null
	 */
	public record WrittenKeyResult(String id, String title, KeyResultType type, Double startValue, Double targetValue,
			Double minValue, Double maxValue, LocalDate dueDate, String kpiId, String confidenceNote) {
	}

	/**
	 * The objectives of a cycle that the caller may see (private ones are left out), of one team if given, in no
	 * particular order: as written now, in two reads, or at {@code asOf} (those created by then, their key
	 * results' definitions, confidences and check-ins as they were: the objective reads' replay, so it costs
	 * what an as-of read of the whole cycle costs).
	 *
	 * @throws app.tandem.shared.NotFoundException for an unknown cycle
	 */
	public List<WrittenObjective> inCycle(UUID cycleId, UUID teamId, Caller caller, Instant asOf) {
		cycles.row(cycleId);
		Sight sight = access.sightOf(caller);
		if (asOf != null) {
			return asTheyWere(cycleId, teamId, sight, asOf);
		}
		List<ObjectiveRow> rows = objectives.writtenInCycle(cycleId, teamId, sight);
		Map<UUID, ObjectiveType> types = new HashMap<>(rows.size() * 2);
		rows.forEach(o -> types.put(o.id(), o.type()));
		Map<UUID, List<WrittenKeyResult>> byObjective = new HashMap<>(rows.size() * 2);
		keyResults.writtenInCycle(cycleId, teamId, sight, kr -> byObjective
			.computeIfAbsent(kr.objectiveId(), id -> new ArrayList<>())
			.add(written(kr, confidenceNote(kr, types.get(kr.objectiveId()), kr.currentConfidence(), kr.fit(),
					kr.inRangeCheckIns()))));
		return written(rows, byObjective);
	}

	/** An objective's revision: it moves with every write to the objective or to its key results. */
	public record Revision(String id, long revision) {
	}

	/**
	 * The revisions of the objectives {@link #inCycle} reads now (the same filter, one light read): what the coach
	 * asks before it judges again only those that moved.
	 *
	 * @throws app.tandem.shared.NotFoundException for an unknown cycle
	 */
	public List<Revision> revisionsInCycle(UUID cycleId, UUID teamId, Caller caller) {
		cycles.row(cycleId);
		return objectives.revisionsInCycle(cycleId, teamId, access.sightOf(caller)).stream()
			.map(r -> new Revision(r.id().toString(), r.revision()))
			.toList();
	}

	/** An objective as written now, with the revision read in the same statement as its own fields. */
	public record RevisedObjective(long revision, WrittenObjective objective) {
	}

	/**
	 * These objectives as written now, as {@link #inCycle} answers them, by id; ids that name no objective are left
	 * out. It asks nothing of access: it is for ids {@link #revisionsInCycle} answered the caller. The key results
	 * are read after the objective, so what is read is at least as new as the revision it carries.
	 */
	public Map<String, RevisedObjective> written(Collection<String> ids) {
		List<UUID> all = ids.stream().map(Ids::tryParse).filter(java.util.Objects::nonNull).distinct().toList();
		Map<String, RevisedObjective> found = new HashMap<>(all.size() * 2);
		for (int from = 0; from < all.size(); from += 1000) {
			List<UUID> part = all.subList(from, Math.min(all.size(), from + 1000));
			List<ObjectiveRow> rows = new ArrayList<>(part.size());
			Map<UUID, Long> revisions = new HashMap<>(part.size() * 2);
			objectives.writtenWithRevisions(part, (row, revision) -> {
				rows.add(row);
				revisions.put(row.id(), revision);
			});
			Map<UUID, ObjectiveType> types = new HashMap<>(rows.size() * 2);
			rows.forEach(o -> types.put(o.id(), o.type()));
			Map<UUID, List<WrittenKeyResult>> byObjective = new HashMap<>(rows.size() * 2);
			keyResults.writtenOf(part, kr -> byObjective.computeIfAbsent(kr.objectiveId(), id -> new ArrayList<>())
				.add(written(kr, confidenceNote(kr, types.get(kr.objectiveId()), kr.currentConfidence(), kr.fit(),
						kr.inRangeCheckIns()))));
			for (WrittenObjective o : written(rows, byObjective)) {
				found.put(o.id(), new RevisedObjective(revisions.get(UUID.fromString(o.id())), o));
			}
		}
		return found;
	}

	private List<WrittenObjective> asTheyWere(UUID cycleId, UUID teamId, Sight sight, Instant asOf) {
		List<ObjectiveRow> rows = objectives.inCycle(cycleId).stream()
			.filter(sight::sees)
			.filter(row -> !row.archived())
			.filter(o -> teamId == null || teamId.equals(o.teamId()))
			.filter(o -> !o.createdAt().isAfter(asOf))
			.toList();
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(rows, asOf);
		Map<UUID, List<WrittenKeyResult>> byObjective = new HashMap<>(rows.size() * 2);
		for (ObjectiveRow o : rows) {
			List<WrittenKeyResult> krs = new ArrayList<>();
			for (KeyResultRow kr : evaluated.keyResultsOf(o.id())) {
				krs.add(written(kr, confidenceNote(kr, o.type(), evaluated.confidence(kr), evaluated.fit(kr),
						evaluated.measured(kr).inRangeCheckIns())));
			}
			byObjective.put(o.id(), krs);
		}
		return written(rows, byObjective);
	}

	private static List<WrittenObjective> written(List<ObjectiveRow> rows,
			Map<UUID, List<WrittenKeyResult>> byObjective) {
		List<WrittenObjective> written = new ArrayList<>(rows.size());
		for (ObjectiveRow o : rows) {
			written.add(new WrittenObjective(o.id().toString(), o.cycleId().toString(), o.title(), o.level(), o.type(),
					Ids.str(o.teamId()), Ids.str(o.parentId()), byObjective.getOrDefault(o.id(), List.of())));
		}
		return written;
	}

	private static WrittenKeyResult written(KeyResultRow kr, String confidenceNote) {
		return new WrittenKeyResult(kr.id().toString(), kr.title(), kr.type(), kr.startValue(), kr.targetValue(),
				kr.minValue(), kr.maxValue(), kr.dueDate(), Ids.str(kr.kpiId()), confidenceNote);
	}

	/**
	 * What {@link ConfidenceCheck} says, forecasting only where a confidence could disagree (most confidences lie
	 * between the two bounds, and a cycle holds tens of thousands of key results). A key result whose line is
	 * not kept yet (until the start-up computes it) has nothing to compare.
	 */
	private static String confidenceNote(KeyResultRow kr, ObjectiveType type, Integer confidence, RunningFit fit,
			int inRange) {
		if (confidence == null || fit == null
				|| (confidence > ConfidenceCheck.DOUBTFUL && confidence < ConfidenceCheck.CONFIDENT)) {
			return null;
		}
		ConfidenceCheck check = ConfidenceCheck.of(confidence,
				KeyResultForecast.of(kr.definition(), type, kr.createdAt(), fit, inRange));
		return check.disagrees() ? check.note() : null;
	}

	/**
	 * What ties KPIs to the OKRs around a cycle: which of the KPIs asked about measure a key result,
	 * and which of the teams asked about have an objective, in the cycle or any cycle overlapping it (created by
	 * {@code asOf}, if given). Private objectives count too: this tells only whether a KPI is tied
	 * in, never to what.
	 */
	public record Anchors(Set<String> kpisMeasuringKeyResults, Set<String> teamsWithObjectives) {
	}

	/**
	 * @param kpiIds the KPIs to ask about (ids that are not a KPI's are simply not measuring)
	 * @param teamIds the teams to ask about, those of the KPIs: a cycle's objectives are many, its KPIs' teams few
	 */
	public Anchors anchors(UUID cycleId, Instant asOf, Collection<String> kpiIds, Collection<String> teamIds) {
		CycleRow cycle = cycles.row(cycleId);
		Set<String> kpis = new HashSet<>();
		Sql.inChunks(uuids(kpiIds),
				chunk -> keyResults.measuringBetween(chunk, cycle.startDate(), cycle.endDate(), asOf))
			.forEach(id -> kpis.add(id.toString()));
		Set<String> teams = new HashSet<>();
		Sql.inChunks(uuids(teamIds),
				chunk -> objectives.teamsWithObjectivesBetween(chunk, cycle.startDate(), cycle.endDate(), asOf))
			.forEach(id -> teams.add(id.toString()));
		return new Anchors(kpis, teams);
	}

	private static List<UUID> uuids(Collection<String> ids) {
		return ids.stream().map(Ids::tryParse).filter(java.util.Objects::nonNull).distinct().toList();
	}
}
