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
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.KeyResultChangeStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.Sight;
import app.tandem.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OKRs as written rather than as scored: a whole cycle's objectives and key-result definitions in
 * two reads, and what ties KPIs to the OKRs around a cycle. The coach's input.
 */
@Service
@Transactional(readOnly = true)
public class WrittenOkrs {

	/** KPIs asked about per query. */
	private static final int IN_LIST = 1000;

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final KeyResultChangeStore changes;

	private final Cycles cycles;

	private final OkrAccess access;

	WrittenOkrs(ObjectiveStore objectives, KeyResultStore keyResults, KeyResultChangeStore changes, Cycles cycles,
			OkrAccess access) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.changes = changes;
		this.cycles = cycles;
		this.access = access;
	}

	/** An objective as written, with its key results: no scores, no check-ins. */
	public record WrittenObjective(String id, String cycleId, String title, Level level, ObjectiveType type,
			String teamId, String parentId, List<WrittenKeyResult> keyResults) {
	}

	/** A key result's definition as written. */
	public record WrittenKeyResult(String id, String title, KeyResultType type, Double startValue, Double targetValue,
			Double minValue, Double maxValue, LocalDate dueDate, String kpiId) {
	}

	/**
	 * The objectives of a cycle that the caller may see (private ones are left out in SQL), of one
	 * team if given, in no particular order: as written now, or at {@code asOf} (those created by then, their key
	 * results' definitions as they were, as objective reads show them).
	 *
	 * @throws app.tandem.shared.NotFoundException for an unknown cycle
	 */
	public List<WrittenObjective> inCycle(UUID cycleId, UUID teamId, Caller caller, Instant asOf) {
		cycles.row(cycleId);
		Sight sight = access.sightOf(caller);
		List<ObjectiveRow> rows = objectives.writtenInCycle(cycleId, teamId, sight, asOf);
		List<KeyResultRow> krs = keyResults.writtenInCycle(cycleId, teamId, sight, asOf);
		if (asOf != null && !krs.isEmpty()) {
			krs = asTheyWere(cycleId, krs, asOf);
		}
		Map<UUID, List<WrittenKeyResult>> byObjective = new HashMap<>(rows.size() * 2);
		for (KeyResultRow kr : krs) {
			byObjective.computeIfAbsent(kr.objectiveId(), id -> new ArrayList<>())
				.add(new WrittenKeyResult(kr.id().toString(), kr.title(), kr.type(), kr.startValue(), kr.targetValue(),
						kr.minValue(), kr.maxValue(), kr.dueDate(), Ids.str(kr.kpiId())));
		}
		List<WrittenObjective> written = new ArrayList<>(rows.size());
		for (ObjectiveRow o : rows) {
			written.add(new WrittenObjective(o.id().toString(), o.cycleId().toString(), o.title(), o.level(), o.type(),
					Ids.str(o.teamId()), Ids.str(o.parentId()), byObjective.getOrDefault(o.id(), List.of())));
		}
		return written;
	}

	/** The definitions with the changes made after {@code asOf} undone, newest first. */
	private List<KeyResultRow> asTheyWere(UUID cycleId, List<KeyResultRow> krs, Instant asOf) {
		Map<UUID, KeyResultRow> byId = new HashMap<>(krs.size() * 2);
		krs.forEach(kr -> byId.put(kr.id(), kr));
		for (var change : changes.afterInCycle(cycleId, asOf)) {
			KeyResultRow kr = byId.get(change.keyResultId());
			if (kr != null && change.field() != null) {
				byId.put(kr.id(), KeyResultFields.withField(kr, change.field(), change.oldValue()));
			}
		}
		return krs.stream().map(kr -> byId.get(kr.id())).toList();
	}

	/**
	 * What ties KPIs to the OKRs around a cycle: which of the KPIs asked about measure a key result,
	 * and which teams have an objective, in the cycle or any cycle overlapping it (created by
	 * {@code asOf}, if given). Private objectives count too: this tells only whether a KPI is tied
	 * in, never to what.
	 */
	public record Anchors(Set<String> kpisMeasuringKeyResults, Set<String> teamsWithObjectives) {
	}

	/** @param kpiIds the KPIs to ask about (ids that are not a KPI's are simply not measuring) */
	public Anchors anchors(UUID cycleId, Instant asOf, Collection<String> kpiIds) {
		CycleRow cycle = cycles.row(cycleId);
		List<UUID> ids = kpiIds.stream().map(Ids::tryParse).filter(java.util.Objects::nonNull).toList();
		Set<String> kpis = new HashSet<>();
		for (int from = 0; from < ids.size(); from += IN_LIST) {
			keyResults.measuringBetween(ids.subList(from, Math.min(ids.size(), from + IN_LIST)), cycle.startDate(),
					cycle.endDate(), asOf).forEach(id -> kpis.add(id.toString()));
		}
		Set<String> teams = new HashSet<>();
		objectives.teamsWithObjectivesBetween(cycle.startDate(), cycle.endDate(), asOf)
			.forEach(id -> teams.add(id.toString()));
		return new Anchors(kpis, teams);
	}
}
