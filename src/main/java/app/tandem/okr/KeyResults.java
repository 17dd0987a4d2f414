package app.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.identity.Caller;
import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.KeyResultCheckIn;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.persistence.CheckInStore;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.KeyResultChangeRow;
import app.tandem.okr.persistence.KeyResultChangeStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.Sight;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.Magnitudes;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;
import app.tandem.shared.math.RunningFit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Key results: defined, adjusted with a reason, moved, deleted, and checked in on. */
@Service
public class KeyResults {

	private final KeyResultStore keyResults;

	private final ObjectiveStore objectives;

	private final CheckInStore checkIns;

	private final KeyResultChangeStore changes;

	private final Cycles cycles;

	private final ReferencedIds references;

	private final OkrEvaluations evaluations;

	private final ObjectiveRollups rollups;

	private final ApplicationEventPublisher events;

	private final OkrAccess access;

	private final AuditTrail audit;

	private final KeyResultForecasts forecasts;

	private final CheckInRecorder recorder;

	KeyResults(KeyResultStore keyResults, ObjectiveStore objectives, CheckInStore checkIns,
			KeyResultChangeStore changes, Cycles cycles, ReferencedIds references, OkrEvaluations evaluations,
			ObjectiveRollups rollups, ApplicationEventPublisher events, OkrAccess access, AuditTrail audit,
			KeyResultForecasts forecasts, CheckInRecorder recorder) {
		this.forecasts = forecasts;
		this.recorder = recorder;
		this.audit = audit;
		this.rollups = rollups;
		this.events = events;
		this.access = access;
		this.keyResults = keyResults;
		this.objectives = objectives;
		this.checkIns = checkIns;
		this.changes = changes;
		this.cycles = cycles;
		this.references = references;
		this.evaluations = evaluations;
	}

	/** @throws NotFoundException when there is no such key result, or the caller may not see its objective */
	public void requireVisible(UUID id, Caller caller) {
		access.requireVisible(caller, objectives.find(row(id).objectiveId()).orElseThrow());
	}

	/** As the caller may see it: a key result of a private objective they may not see is a 404. */
	public OkrViews.KeyResultView get(UUID id, Instant asOf, Caller caller) {
		requireVisible(id, caller);
		return get(id, asOf, access.sightOf(caller));
	}

	KeyResultRow row(UUID id) {
		return keyResults.find(id).orElseThrow(() -> new NotFoundException("key result", id));
	}

	/**
	 * The key result as it stands once the objectives whose roll-up a change to it refreshes are locked
	 * ({@link ObjectiveRollups#lock}): what a write reads first, before it writes anything.
	 */
	private KeyResultRow lockedRow(UUID id) {
		UUID objectiveId = row(id).objectiveId();
		rollups.lock(objectiveId);
		KeyResultRow kr = row(id);
		if (!kr.objectiveId().equals(objectiveId)) {
			// moved to another objective meanwhile: that one's turn too
			rollups.lock(kr.objectiveId());
			kr = row(id);
		}
		return kr;
	}

	public OkrViews.KeyResultView get(UUID id, Instant asOf) {
		return get(id, asOf, Sight.ALL);
	}

	private OkrViews.KeyResultView get(UUID id, Instant asOf, Sight sight) {
		KeyResultRow kr = row(id);
		ObjectiveRow objective = objectives.find(kr.objectiveId()).orElseThrow();
		if (asOf != null && kr.createdAt().isAfter(asOf)) {
			throw new NotFoundException("key result (as of " + asOf + ")", id);
		}
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(List.of(objective), asOf);
		List<KeyResultRow> rows = evaluated.keyResultsOf(objective.id());
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).id().equals(id)) {
				var forecast = forecasts.of(evaluated, List.of(objective.id())).get(id);
				return ObjectiveViews.keyResult(rows.get(i), evaluated.keyResultEvaluationsOf(objective.id()).get(i),
						evaluated, asSeen(changes.ofKeyResult(id), sight), forecast);
			}
		}
		throw new NotFoundException("key result", id);
	}

	/** The changes made to a key result's definition (target, dates, …), oldest first, with their reasons. */
	public List<OkrViews.ChangeView> changes(UUID id, Caller caller) {
		requireVisible(id, caller);
		return asSeen(changes.ofKeyResult(id), access.sightOf(caller)).stream().map(ObjectiveViews::change).toList();
	}

	/**
	 * A move's change names the objectives the key result left and joined: one the viewer may not see is left out
	 * (null), as a private parent is (SPEC §2).
	 */
	private List<KeyResultChangeRow> asSeen(List<KeyResultChangeRow> history, Sight sight) {
		if (sight.all()) {
			return history;
		}
		return history.stream().map(c -> !"objectiveId".equals(c.field()) ? c
				: new KeyResultChangeRow(c.id(), c.keyResultId(), c.at(), c.authorId(), c.kind(), c.field(),
						seen(c.oldValue(), sight), seen(c.newValue(), sight), c.reason())).toList();
	}

	private String seen(String objectiveId, Sight sight) {
		UUID id = app.tandem.shared.Ids.tryParse(objectiveId);
		return id == null || objectives.find(id).filter(o -> !sight.sees(o)).isEmpty() ? objectiveId : null;
	}

	/** A new key result for an objective, validated; problems are reported under {@code prefix}. */
	KeyResultRow define(OkrCommands.CreateKeyResult c, String prefix, ObjectiveRow objective, CycleRow cycle,
			Caller caller, int position, InvalidInputException.Collector problems) {
		Magnitudes.checkWeight(problems, prefix + "weight", c.weight());
		Magnitudes.check(problems, prefix + "startValue", c.startValue());
		Magnitudes.check(problems, prefix + "targetValue", c.targetValue());
		Magnitudes.check(problems, prefix + "minValue", c.minValue());
		Magnitudes.check(problems, prefix + "maxValue", c.maxValue());
		UUID owner = c.ownerId() != null ? references.user(prefix + "ownerId", c.ownerId(), problems)
				: objective.ownerId() != null ? objective.ownerId() : caller.id();
		UUID kpi = references.kpi(prefix + "kpiId", c.kpiId(), problems);
		double weight = c.weight() != null ? c.weight() : 1;
		LocalDate due = c.dueDate() != null ? c.dueDate() : cycle.endDate();
		KeyResultRow row = new KeyResultRow(Ids.next(), objective.id(), position, c.title(), c.type(), c.unit(), weight,
				owner, due, c.startValue(), c.targetValue(), c.minValue(), c.maxValue(), kpi, null, null, null, null,
				null, null, null, null, 0, 0, RunningFit.EMPTY, evaluations.now(), 0);
		if (problems.isEmpty()) {
			for (String[] problem : row.definition().problems()) {
				problems.add(prefix + problem[0], problem[1]);
			}
		}
		return row;
	}

	/** Tells the key result's new owner, unless they made themselves owner. */
	private void ownerAssigned(KeyResultRow row, UUID before, Caller caller) {
		if (row.ownerId() != null && !row.ownerId().equals(before) && !row.ownerId().equals(caller.id())) {
			events.publishEvent(new OwnerAssigned(OwnerAssigned.Subject.KEY_RESULT, row.id(), row.objectiveId(),
					row.ownerId(), caller.id(), evaluations.now()));
		}
	}

	void insert(KeyResultRow row, Caller caller, String kind, String note) {
		keyResults.insert(row);
		audit.record("key_result", row.id(), kind, AuditTrail.diff(null, row));
		if ("CREATED".equals(kind)) {
			ownerAssigned(row, null, caller);
		}
		changes.insert(new KeyResultChangeRow(Ids.next(), row.id(), row.createdAt(), caller.id(), kind, null, null,
				null, note));
		if (row.kpiId() != null) {
			events.publishEvent(new KeyResultLinkedToKpi(row.id(), row.kpiId()));
		}
	}

	@Transactional
	public OkrViews.KeyResultView add(UUID objectiveId, OkrCommands.CreateKeyResult command, Caller caller) {
		rollups.lock(objectiveId);
		ObjectiveRow objective = objectives.find(objectiveId).orElseThrow(() -> new NotFoundException("objective", objectiveId));
		access.requireManage(caller, objective);
		CycleRow cycle = cycles.row(objective.cycleId());
		Cycles.requireOpen(cycle);
		var problems = new InvalidInputException.Collector();
		KeyResultRow row = define(command, "", objective, cycle, caller, keyResults.nextPosition(objectiveId), problems);
		problems.throwIfAny();
		insert(row, caller, "CREATED", null);
		rollups.refresh(objectiveId);
		return get(row.id(), null);
	}

	@Transactional
	public OkrViews.KeyResultView update(UUID id, OkrCommands.UpdateKeyResult c, Versions versions, Caller caller) {
		KeyResultRow current = lockedRow(id);
		ObjectiveRow objective = objectives.find(current.objectiveId()).orElseThrow();
		access.requireManage(caller, objective);
		versions.check("Key result " + id, current.version());
		CycleRow cycle = cycles.row(objective.cycleId());
		Cycles.requireOpen(cycle);
		var problems = new InvalidInputException.Collector();
		Magnitudes.checkWeight(problems, "weight", c.weight());
		Magnitudes.check(problems, "startValue", c.startValue());
		Magnitudes.check(problems, "targetValue", c.targetValue());
		Magnitudes.check(problems, "minValue", c.minValue());
		Magnitudes.check(problems, "maxValue", c.maxValue());
		if (c.grade() != null && !(c.grade() >= 0 && c.grade() <= 1)) {
			problems.add("grade", "must be between 0.0 and 1.0");
		}
		UUID owner = c.ownerId() != null ? references.user("ownerId", c.ownerId(), problems) : current.ownerId();
		UUID kpi = c.kpiId() == null ? current.kpiId()
				: c.kpiId().isEmpty() ? null : references.kpi("kpiId", c.kpiId(), problems);
		KeyResultRow next = new KeyResultRow(id, current.objectiveId(), current.position(),
				or(c.title(), current.title()), current.type(), or(c.unit(), current.unit()),
				or(c.weight(), current.weight()), owner, or(c.dueDate(), current.dueDate()),
				or(c.startValue(), current.startValue()), or(c.targetValue(), current.targetValue()),
				or(c.minValue(), current.minValue()), or(c.maxValue(), current.maxValue()), kpi,
				or(c.grade(), current.grade()), or(c.gradeNote(), current.gradeNote()), current.finalScore(),
				current.carriedFromId(), current.currentValue(), current.currentAchieved(), current.currentConfidence(),
				current.lastCheckInAt(), current.cycleCheckIns(), current.inRangeCheckIns(), current.fit(),
				current.createdAt(), current.version());
		if (problems.isEmpty()) {
			for (String[] problem : next.definition().problems()) {
				problems.add(problem[0], problem[1]);
			}
		}
		boolean started = !cycle.cycle().stateAt(evaluations.now()).equals(app.tandem.okr.domain.CycleState.PLANNING);
		boolean targetOrDueChanged = !Objects.equals(next.targetValue(), current.targetValue())
				|| !Objects.equals(next.dueDate(), current.dueDate());
		if (started && targetOrDueChanged && (c.reason() == null || c.reason().isBlank())) {
			problems.add("reason", "is required to change the target or due date once the cycle has started");
		}
		problems.throwIfAny();
		if (!keyResults.update(next)) {
			throw new StaleVersionException("Key result " + id, current.version(), current.version() + 1,
					versions.fromIfMatch());
		}
		audit.record("key_result", id, "UPDATED", AuditTrail.diff(current, next));
		ownerAssigned(next, current.ownerId(), caller);
		Instant now = evaluations.now();
		record(current, caller, now, c.reason(), KeyResultFields.START, current.startValue(), next.startValue());
		record(current, caller, now, c.reason(), KeyResultFields.TARGET, current.targetValue(), next.targetValue());
		record(current, caller, now, c.reason(), KeyResultFields.MIN, current.minValue(), next.minValue());
		record(current, caller, now, c.reason(), KeyResultFields.MAX, current.maxValue(), next.maxValue());
		record(current, caller, now, c.reason(), KeyResultFields.DUE, current.dueDate(), next.dueDate());
		record(current, caller, now, c.reason(), KeyResultFields.WEIGHT, current.weight(), next.weight());
		if (!Objects.equals(current.minValue(), next.minValue()) || !Objects.equals(current.maxValue(), next.maxValue())) {
			keyResults.refreshTally(id, cycle.startDate(), cycle.endDate(), current.createdAt());
		}
		rollups.refresh(current.objectiveId());
		if (kpi != null && !kpi.equals(current.kpiId())) {
			events.publishEvent(new KeyResultLinkedToKpi(id, kpi));
		}
		return get(id, null);
	}

	private void record(KeyResultRow kr, Caller caller, Instant at, String reason, String field, Object old,
			Object now) {
		if (!Objects.equals(old, now)) {
			changes.insert(new KeyResultChangeRow(Ids.next(), kr.id(), at, caller.id(), "CHANGED", field,
					old == null ? null : old.toString(), now == null ? null : now.toString(), reason));
		}
	}

	@Transactional
	public void delete(UUID id, Caller caller) {
		KeyResultRow kr = lockedRow(id);
		ObjectiveRow objective = objectives.find(kr.objectiveId()).orElseThrow();
		access.requireManage(caller, objective);
		Cycles.requireOpen(cycles.row(objective.cycleId()));
		if (keyResults.countAlignedTo(id) > 0) {
			throw new ConflictException("Objectives are aligned to this key result; realign them first");
		}
		keyResults.delete(id);
		audit.record("key_result", id, "DELETED", AuditTrail.diff(kr, null));
		rollups.refresh(kr.objectiveId());
	}

	/** Moves a key result, with its check-ins and history, to another objective. */
	@Transactional
	public OkrViews.KeyResultView move(UUID id, OkrCommands.MoveKeyResult command, Caller caller) {
		UUID fromId = row(id).objectiveId();
		var problems = new InvalidInputException.Collector();
		ObjectiveRow to = references.objective("objectiveId", command.objectiveId(), problems);
		problems.throwIfAny();
		// both objectives and those aligned to the key result (they follow it): locked before anything is written
		List<UUID> locked = new java.util.ArrayList<>(List.of(fromId, to.id()));
		objectives.alignedTo(List.of(), List.of(id)).forEach(aligned -> locked.add(aligned.id()));
		rollups.lock(locked.toArray(UUID[]::new));
		KeyResultRow kr = row(id);
		ObjectiveRow from = objectives.find(kr.objectiveId()).orElseThrow();
		access.requireManage(caller, from);
		access.requireManage(caller, to);
		if (to.id().equals(from.id())) {
			throw InvalidInputException.of("objectiveId", "is already the key result's objective");
		}
		Cycles.requireOpen(cycles.row(from.cycleId()));
		CycleRow toCycle = cycles.row(to.cycleId());
		Cycles.requireOpen(toCycle);
		KeyResultRow moved = new KeyResultRow(id, to.id(), keyResults.nextPosition(to.id()), kr.title(), kr.type(),
				kr.unit(), kr.weight(), kr.ownerId(), kr.dueDate(), kr.startValue(), kr.targetValue(), kr.minValue(),
				kr.maxValue(), kr.kpiId(), kr.grade(), kr.gradeNote(), kr.finalScore(), kr.carriedFromId(),
				kr.currentValue(), kr.currentAchieved(), kr.currentConfidence(), kr.lastCheckInAt(), kr.cycleCheckIns(),
				kr.inRangeCheckIns(), kr.fit(), kr.createdAt(), kr.version());
		if (!keyResults.update(moved)) {
			throw new ConflictException("The key result was changed meanwhile; try again");
		}
		objectives.repointAlignment(id, to.id());
		audit.record("key_result", id, "MOVED", AuditTrail.change("objectiveId", from.id(), to.id()));
		changes.insert(new KeyResultChangeRow(Ids.next(), id, evaluations.now(), caller.id(), "MOVED", "objectiveId",
				from.id().toString(), to.id().toString(), null));
		keyResults.refreshTally(id, toCycle.startDate(), toCycle.endDate(), kr.createdAt());
		rollups.refresh(from.id());
		rollups.refresh(to.id());
		return get(id, null);
	}

	@Transactional
	public OkrViews.CheckInView checkIn(UUID id, OkrCommands.RecordCheckIn c, Caller caller) {
		KeyResultRow kr = lockedRow(id);
		ObjectiveRow objective = objectives.find(kr.objectiveId()).orElseThrow();
		access.requireCheckIn(caller, objective, kr);
		CycleRow cycleRow = cycles.row(objective.cycleId());
		Cycles.requireOpen(cycleRow);
		Instant now = evaluations.now();
		var problems = new InvalidInputException.Collector();
		KeyResultCheckIn checkIn = checked(kr, cycleRow, c, now, problems, "");
		problems.throwIfAny();
		return ObjectiveViews.checkIn(recorder.record(kr, objective, cycleRow.cycle(), checkIn, caller.id(), "MANUAL",
				null, now));
	}

	/**
	 * A key result's past check-ins at once, as importing OKRs as code brings them: each checked as {@link #checkIn}
	 * checks it (a problem is named {@code [i].field}), all or none stored, then the key result's latest fields,
	 * tally and line recomputed from its check-ins and its objective's progress refreshed, once. One
	 * {@link KeyResultCheckedIn} tells of the latest of them, with the key result's status before and after all.
	 */
	@Transactional
	public int checkInAll(UUID id, List<OkrCommands.RecordCheckIn> list, Caller caller) {
		if (list.isEmpty()) {
			return 0;
		}
		KeyResultRow kr = lockedRow(id);
		ObjectiveRow objective = objectives.find(kr.objectiveId()).orElseThrow();
		access.requireCheckIn(caller, objective, kr);
		CycleRow cycleRow = cycles.row(objective.cycleId());
		Cycles.requireOpen(cycleRow);
		Instant now = evaluations.now();
		var problems = new InvalidInputException.Collector();
		List<KeyResultCheckIn> sent = new java.util.ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			sent.add(checked(kr, cycleRow, list.get(i), now, problems, "[" + i + "]."));
		}
		problems.throwIfAny();
		recorder.recordAll(kr, objective, cycleRow, sent, caller.id(), now);
		return sent.size();
	}

	/** The check-in a command sends, its problems added under {@code prefix}. */
	private static KeyResultCheckIn checked(KeyResultRow kr, CycleRow cycleRow, OkrCommands.RecordCheckIn c,
			Instant now, InvalidInputException.Collector problems, String prefix) {
		Magnitudes.check(problems, prefix + "value", c.value());
		KeyResultCheckIn checkIn = KeyResultCheckIn.sent(kr.type(), c.at(), c.value(), c.achieved(), c.confidence(),
				c.note(), now);
		for (String[] problem : checkIn.problems(kr.type(), cycleRow.startDate(), now)) {
			problems.add(prefix + problem[0], problem[1]);
		}
		return checkIn;
	}

	/**
	 * Locks the objectives of these key results at once, in the one order every write takes them: for a write that
	 * then checks in on several of them (an ingestion into a KPI that measures key results of several objectives).
	 */
	@Transactional
	public void lockObjectivesOf(java.util.Collection<UUID> keyResultIds) {
		rollups.lock(keyResultIds.stream()
			.map(keyResults::find)
			.flatMap(java.util.Optional::stream)
			.map(KeyResultRow::objectiveId)
			.toArray(UUID[]::new));
	}

	/**
	 * A check-in whose source is the KPI that measures the key result: written after each ingestion, once per
	 * ingestion (a repeated call for the same ingestion writes nothing). Key results in closed cycles, or cycles
	 * not yet started, are left alone.
	 */
	@Transactional
	public void recordFromKpi(UUID id, double value, String kpiKey, UUID ingestionId) {
		KeyResultRow kr = lockedRow(id);
		if (checkIns.fromIngestion(id, ingestionId)) {
			return;
		}
		ObjectiveRow objective = objectives.find(kr.objectiveId()).orElseThrow();
		CycleRow cycleRow = cycles.row(objective.cycleId());
		Instant now = evaluations.now();
		Cycle cycle = cycleRow.cycle();
		if (cycle.stateAt(now) != app.tandem.okr.domain.CycleState.ACTIVE) {
			return;
		}
		recorder.record(kr, objective, cycle, KeyResultCheckIn.fromKpi(value, kpiKey, now), null, "KPI", ingestionId,
				now);
	}

	public List<OkrViews.CheckInView> checkIns(UUID id, UUID before, int limit, Caller caller) {
		requireVisible(id, caller);
		return checkIns(id, before, limit);
	}

	public List<OkrViews.CheckInView> checkIns(UUID id, UUID before, int limit) {
		row(id);
		return checkIns.ofKeyResult(id, before, limit).stream().map(ObjectiveViews::checkIn).toList();
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}
}
