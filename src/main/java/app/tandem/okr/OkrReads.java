package app.tandem.okr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.ExpectedProgress;
import app.tandem.okr.domain.KeyResultProgress;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Status;
import app.tandem.okr.domain.StatusRule;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.CycleStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.RollupRow;
import app.tandem.okr.persistence.Sight;
import app.tandem.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read models other modules build on: a whole cycle evaluated at once, and what a person owes. */
@Service
@Transactional(readOnly = true)
public class OkrReads {

	/** A key result without a check-in for this long shows in its owner's inbox. */
	public static final Duration CHECK_IN_DUE_AFTER = Duration.ofDays(7);

	private final CycleStore cycles;

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final OkrEvaluations evaluations;

	private final Cycles cycleService;

	private final ObjectiveRollups rollups;

	private final OkrAccess access;

	private final KeyResultLines lines;

	OkrReads(CycleStore cycles, ObjectiveStore objectives, KeyResultStore keyResults, OkrEvaluations evaluations,
			Cycles cycleService, ObjectiveRollups rollups, OkrAccess access, KeyResultLines lines) {
		this.lines = lines;
		this.rollups = rollups;
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

	/** A key result measured by a KPI, with the dates of its cycle. */
	public record MeasuredKeyResult(UUID kpiId, UUID keyResultId, LocalDate cycleStart, LocalDate cycleEnd) {
	}

	/** The key results in open cycles that one of the KPIs measures (at most 1,000 KPIs per call). */
	public List<MeasuredKeyResult> measuredBy(Collection<UUID> kpiIds) {
		return keyResults.measuredBy(kpiIds).stream()
			.map(r -> new MeasuredKeyResult(r.kpiId(), r.keyResultId(), r.cycleStart(), r.cycleEnd()))
			.toList();
	}

	/**
	 * Stores every objective's progress and score anew, and every key result's forecast line (after a restore
	 * writes rows directly).
	 */
	@Transactional
	public void refreshAllRollups() {
		rollups.refreshAll();
		lines.compute(false);
	}

	/** The caller's key results in started, open cycles that have gone a week without a check-in (and are not done). */
	public List<CheckInDue> checkInsDue(Caller caller) {
		UUID ownerId = caller.id();
		Sight sight = access.sightOf(caller);
		Instant now = evaluations.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<CheckInDue> due = new ArrayList<>();
		for (var quiet : keyResults.quietOnes(ownerId, today, now.minus(CHECK_IN_DUE_AFTER))) {
			KeyResultRow kr = quiet.keyResult();
			boolean done = kr.type() != KeyResultType.THRESHOLD
					&& KeyResultProgress.of(kr.definition(), kr.measured()) >= 1;
			// Owning a key result of someone else's private objective does not show it.
			boolean visible = objectives.find(kr.objectiveId()).map(sight::sees).orElse(false);
			if (!done && visible) {
				due.add(new CheckInDue(kr.id().toString(), kr.title(), kr.objectiveId().toString(),
						quiet.objectiveTitle(), kr.lastCheckInAt()));
			}
		}
		return due;
	}

	public record CheckInDue(String keyResultId, String title, String objectiveId, String objectiveTitle,
			Instant lastCheckInAt) {
	}

	/** The caller's objectives whose cycle has ended and that still lack a retrospective note. */
	public List<RetrospectiveDue> retrospectivesDue(Caller caller) {
		UUID ownerId = caller.id();
		Instant now = evaluations.now();
		List<RetrospectiveDue> due = new ArrayList<>();
		for (CycleRow cycle : cycles.all()) {
			if (!cycle.cycle().hasEndedAt(now)) {
				continue;
			}
			for (ObjectiveRow o : objectives.ownedInCycle(cycle.id(), ownerId)) {
				if (o.retrospective() == null || o.retrospective().isBlank()) {
					due.add(new RetrospectiveDue(o.id().toString(), o.title(), cycle.id().toString(), cycle.name(),
							cycle.endDate()));
				}
			}
		}
		return due;
	}

	public record RetrospectiveDue(String objectiveId, String title, String cycleId, String cycleName,
			LocalDate cycleEnd) {
	}
}
