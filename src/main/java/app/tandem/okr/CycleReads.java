package app.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.ExpectedProgress;
import app.tandem.okr.domain.Status;
import app.tandem.okr.domain.StatusRule;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.CycleStore;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.RollupRow;
import app.tandem.okr.persistence.Sight;
import app.tandem.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cycles as pages and other modules read them: which one is current, and a whole cycle evaluated at once. */
@Service
@Transactional(readOnly = true)
public class CycleReads {

	private final CycleStore cycles;

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final OkrEvaluations evaluations;

	private final Cycles cycleService;

	private final OkrAccess access;

	CycleReads(CycleStore cycles, ObjectiveStore objectives, KeyResultStore keyResults, OkrEvaluations evaluations,
			Cycles cycleService, OkrAccess access) {
		this.access = access;
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.evaluations = evaluations;
		this.cycleService = cycleService;
	}

	/**
	 * The cycle a dashboard shows by default: the open cycle that contains today and started last
	 * (a quarter rather than the year around it), else the most recently started one.
	 */
	public Optional<OkrViews.CycleView> currentCycle() {
		LocalDate today = LocalDate.ofInstant(evaluations.now(), ZoneOffset.UTC);
		List<CycleRow> all = cycles.all();
		Optional<CycleRow> current = all.stream()
			.filter(c -> c.closedAt() == null && !today.isBefore(c.startDate()) && !today.isAfter(c.endDate()))
			.max(Comparator.comparing(CycleRow::startDate));
		return current.or(() -> all.stream().filter(c -> !c.startDate().isAfter(today))
			.max(Comparator.comparing(CycleRow::startDate)))
			.or(() -> all.stream().min(Comparator.comparing(CycleRow::startDate)))
			.map(cycleService::view);
	}

	/**
	 * The cycle a page asks for by its {@code cycleId} parameter, else the current one; null when there is no cycle
	 * at all. A malformed id is as good as none; an unknown one is a {@link app.tandem.shared.NotFoundException}.
	 */
	public OkrViews.CycleView cycleOrCurrent(String cycleId) {
		UUID id = Ids.tryParse(cycleId);
		return id != null ? cycle(id) : currentCycle().orElse(null);
	}

	public OkrViews.CycleView cycle(UUID id) {
		return cycleService.get(id);
	}

	/**
	 * Every objective of a cycle from one read of their stored progress and score (kept in step
	 * on every write); expected progress and status follow from the clock here. Objectives whose
	 * roll-up was never stored (data from before it existed) send the cycle through the full
	 * evaluation instead, which gives the same numbers from the key results.
	 */
	public CycleEvaluation evaluateCycle(UUID cycleId, Caller caller) {
		return evaluateCycle(cycleId, caller, null);
	}

	/**
	 * As {@link #evaluateCycle(UUID, Caller)}, as the cycle stood at {@code asOf} (null: now): the
	 * objectives that existed then, from the check-ins and key result definitions of then.
	 */
	public CycleEvaluation evaluateCycle(UUID cycleId, Caller caller, Instant asOf) {
		Instant at = evaluations.now();
		CycleRow cycleRow = cycleService.row(cycleId);
		Sight sight = access.sightOf(caller);
		if (asOf != null) {
			return evaluateCycleFromKeyResults(cycleId, sight, asOf);
		}
		List<RollupRow> rows = objectives.rollupsInCycle(cycleId, sight);
		List<EvaluatedObjective> result = new ArrayList<>(rows.size());
		if (!rows.stream().allMatch(RollupRow::computed)) {
			return evaluateCycleFromKeyResults(cycleId, sight, null);
		}
		Cycle cycle = cycleRow.cycle();
		boolean frozen = cycle.stateAt(at) == app.tandem.okr.domain.CycleState.CLOSED;
		boolean ended = cycle.hasEndedAt(at);
		int keyResultCount = 0;
		for (RollupRow row : rows) {
			double expected = ExpectedProgress.forType(ExpectedProgress.at(at, cycle.start(), row.windowEnd()), row.type());
			Status status = StatusRule.of(row.progress(), expected, !row.hasThreshold() || ended);
			double score = frozen && row.finalScore() != null ? row.finalScore() : row.score();
			result.add(new EvaluatedObjective(row.id().toString(), row.title(), row.level(), Ids.str(row.teamId()),
					Ids.str(row.ownerId()), row.progress(), expected, status, score));
			keyResultCount += row.keyResults();
		}
		return new CycleEvaluation(at, result, keyResultCount);
	}

	private CycleEvaluation evaluateCycleFromKeyResults(UUID cycleId, Sight sight, Instant asOf) {
		List<ObjectiveRow> rows = objectives.inCycle(cycleId).stream()
			.filter(sight::sees)
			.filter(row -> !row.archived())
			.filter(row -> asOf == null || !row.createdAt().isAfter(asOf))
			.toList();
		// The scoring rows lack what an as-of read replays (creation times, changes): those load whole.
		OkrEvaluations.Evaluated evaluated = asOf == null
				? evaluations.evaluate(rows, keyResults.scoringInCycle(cycleId), null)
				: evaluations.evaluate(rows, asOf);
		List<EvaluatedObjective> result = new ArrayList<>(rows.size());
		int keyResultCount = 0;
		for (ObjectiveRow row : rows) {
			var e = evaluated.of(row.id());
			result.add(new EvaluatedObjective(row.id().toString(), row.title(), row.level(), Ids.str(row.teamId()),
					Ids.str(row.ownerId()), e.progress(), e.expectedProgress(), e.status(), e.score()));
			keyResultCount += evaluated.keyResultsOf(row.id()).size();
		}
		return new CycleEvaluation(evaluated.at(), result, keyResultCount);
	}

	public record CycleEvaluation(Instant at, List<EvaluatedObjective> objectives, int keyResults) {
	}

	public record EvaluatedObjective(String id, String title, app.tandem.okr.domain.Level level, String teamId,
			String ownerId, double progress, double expectedProgress, app.tandem.okr.domain.Status status,
			double score) {
	}
}
