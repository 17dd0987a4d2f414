package app.tandem.okr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.identity.Caller;
import app.tandem.okr.domain.Evaluation;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Status;
import app.tandem.okr.domain.Visibility;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.KeyResultChangeRow;
import app.tandem.okr.persistence.KeyResultChangeStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.Sight;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Excerpt;
import app.tandem.shared.Finding;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;
import org.springframework.beans.factory.ObjectProvider;
import app.tandem.shared.math.RunningFit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Objectives: created with their key results, aligned, edited, carried into another cycle. */
@Service
public class Objectives {

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final KeyResultChangeStore changes;

	private final Cycles cycles;

	private final KeyResults keyResultService;

	private final ReferencedIds references;

	private final OkrEvaluations evaluations;

	private final ObjectiveRollups rollups;

	private final OkrAccess access;

	private final AuditTrail audit;

	private final ObjectProvider<ObjectiveFindings> findings;

	private final KeyResultForecasts forecasts;

	private final org.springframework.context.ApplicationEventPublisher events;

	Objectives(ObjectiveStore objectives, KeyResultStore keyResults, KeyResultChangeStore changes, Cycles cycles,
			KeyResults keyResultService, ReferencedIds references, OkrEvaluations evaluations, ObjectiveRollups rollups,
			OkrAccess access, AuditTrail audit, ObjectProvider<ObjectiveFindings> findings, KeyResultForecasts forecasts,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.forecasts = forecasts;
		this.audit = audit;
		this.findings = findings;
		this.rollups = rollups;
		this.access = access;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.changes = changes;
		this.cycles = cycles;
		this.keyResultService = keyResultService;
		this.references = references;
		this.evaluations = evaluations;
	}

	public List<OkrViews.ObjectiveView> list(ObjectiveFilter filter, Instant asOf, UUID after, int limit,
			Caller caller) {
		Sight sight = access.sightOf(caller);
		return views(objectives.list(stored(filter), sight, after, limit), asOf, sight);
	}

	private static ObjectiveStore.Filter stored(ObjectiveFilter filter) {
		return new ObjectiveStore.Filter(filter.cycleId(), filter.teamId(), filter.ownerId(),
				filter.level() == null ? null : filter.level().name(), filter.existingAt());
	}

	/**
	 * One page of the OKR list ({@link ObjectiveStore#listPage} gives its order) as the caller may see it, evaluated
	 * now. Only the page's objectives are evaluated, unless a status is asked for: then objectives are evaluated a
	 * batch at a time until the page is full, as a status is not stored (it depends on the clock).
	 */
	public OkrViews.ObjectivePage page(ObjectiveListQuery query, int offset, int limit, Caller caller) {
		Sight sight = access.sightOf(caller);
		ObjectiveStore.ListQuery stored = stored(query);
		long total = objectives.count(stored, sight);
		if (query.status() == null) {
			List<OkrViews.ObjectiveView> shown = views(objectives.listPage(stored, sight, offset, limit), null, sight);
			int next = offset + shown.size();
			return new OkrViews.ObjectivePage(shown, total, next < total ? next : -1);
		}
		List<OkrViews.ObjectiveView> shown = new ArrayList<>();
		int at = offset;
		while (shown.size() < limit && at < total) {
			List<OkrViews.ObjectiveView> batch = views(objectives.listPage(stored, sight, at, limit * 2), null, sight);
			if (batch.isEmpty()) {
				break;
			}
			for (OkrViews.ObjectiveView view : batch) {
				at++;
				if (view.status() == query.status()) {
					shown.add(view);
					if (shown.size() == limit) {
						break;
					}
				}
			}
		}
		return new OkrViews.ObjectivePage(shown, -1, at < total ? at : -1);
	}

	/**
	 * A part of a cycle's alignment tree as the caller sees it, evaluated now: the objectives aligned to
	 * {@code parentId} (null: those at the top), a page of them, with how many are aligned to each in turn.
	 */
	public OkrViews.AlignmentPart alignmentPart(UUID cycleId, UUID parentId, int offset, int limit, Caller caller) {
		Sight sight = access.sightOf(caller);
		long total = objectives.countAligned(cycleId, parentId, sight);
		List<ObjectiveRow> rows = objectives.alignedPage(cycleId, parentId, sight, offset, limit);
		Map<String, Long> aligned = new java.util.HashMap<>();
		objectives.countAlignedUnder(rows.stream().map(ObjectiveRow::id).toList(), sight)
			.forEach((id, n) -> aligned.put(id.toString(), n));
		int next = offset + rows.size();
		return new OkrViews.AlignmentPart(new OkrViews.ObjectivePage(views(rows, null, sight), total,
				next < total ? next : -1), aligned);
	}

	/** How many objectives of the cycle the caller sees (archived ones aside). */
	public long countInCycle(UUID cycleId, Caller caller) {
		return objectives.count(new ObjectiveStore.ListQuery(cycleId, null, null, null, false), access.sightOf(caller));
	}

	/**
	 * The objectives of a cycle ({@code keyResults}: their key results) the caller sees whose title holds every one
	 * of these words (lower case), by title, at most {@code limit}: the search reads titles, nothing is evaluated.
	 */
	public List<OkrViews.TitleHit> titlesWith(UUID cycleId, List<String> words, boolean keyResults, int limit,
			Caller caller) {
		return objectives.titlesWith(cycleId, words, keyResults, access.sightOf(caller), limit).stream()
			.map(h -> new OkrViews.TitleHit(h.id().toString(), h.title(), h.objectiveId().toString(), h.objectiveTitle()))
			.toList();
	}

	/**
	 * Objectives of a cycle the caller sees to choose from in a form, in the list's order, those whose title holds
	 * every word (lower case), {@code except} left out, at most {@code limit}; {@code selected}, if the caller sees
	 * it, first whatever the words, so that a form shows what is chosen.
	 */
	public List<OkrViews.ObjectiveChoice> choices(UUID cycleId, List<String> words, UUID except, UUID selected,
			int limit, Caller caller) {
		Sight sight = access.sightOf(caller);
		List<OkrViews.ObjectiveChoice> choices = new ArrayList<>();
		if (selected != null) {
			objectives.find(selected).filter(sight::sees).filter(o -> !o.archived())
				.ifPresent(o -> choices.add(new OkrViews.ObjectiveChoice(o.id().toString(), o.level(), o.title())));
		}
		objectives.choices(cycleId, words, except, sight, limit).stream()
			.filter(o -> !o.id().equals(selected))
			.forEach(o -> choices.add(new OkrViews.ObjectiveChoice(o.id().toString(), o.level(), o.title())));
		return choices;
	}

	/**
	 * The objectives of a cycle the caller sees with a key result that a KPI measures, evaluated now: the scorecard's,
	 * read without evaluating the rest of the cycle.
	 */
	public List<OkrViews.ObjectiveView> measuredByKpis(UUID cycleId, Caller caller) {
		Sight sight = access.sightOf(caller);
		return views(objectives.measuredByKpis(cycleId, sight), null, sight);
	}

	/** How many key results the objectives of the list have, of those the caller may see (the status left aside). */
	public long keyResultCount(ObjectiveListQuery query, Caller caller) {
		return objectives.countKeyResults(stored(query), access.sightOf(caller));
	}

	private static ObjectiveStore.ListQuery stored(ObjectiveListQuery query) {
		return new ObjectiveStore.ListQuery(query.cycleId(), query.level() == null ? null : query.level().name(),
				query.teamId(), query.person(), query.archived());
	}

	/** Every objective of a cycle that the caller may see, evaluated now. */
	public List<OkrViews.ObjectiveView> inCycle(UUID cycleId, Caller caller) {
		return inCycle(cycleId, access.sightOf(caller));
	}

	/** The objectives of one team in a cycle that the caller may see, evaluated now; every team's without one. */
	public List<OkrViews.ObjectiveView> inCycle(UUID cycleId, UUID teamId, Caller caller) {
		if (teamId == null) {
			return inCycle(cycleId, caller);
		}
		Sight sight = access.sightOf(caller);
		return views(objectives.list(stored(ObjectiveFilter.ofCycle(cycleId, teamId)), sight, null,
				Integer.MAX_VALUE), null, sight);
	}

	/** Every objective of a cycle, evaluated now (for the application's own work). */
	public List<OkrViews.ObjectiveView> inCycle(UUID cycleId) {
		return inCycle(cycleId, Sight.ALL);
	}

	/**
	 * A person's objectives in a cycle and those of their teams (at most {@code limit} of each kind), that the
	 * caller may see, evaluated now: the home page's. Theirs first, then the teams', each by id.
	 */
	public List<OkrViews.ObjectiveView> mineAndMyTeams(UUID cycleId, UUID ownerId, java.util.Collection<UUID> teamIds,
			int limit, Caller caller) {
		Sight sight = access.sightOf(caller);
		Map<UUID, ObjectiveRow> rows = new java.util.LinkedHashMap<>();
		objectives.list(stored(ObjectiveFilter.ofOwner(cycleId, ownerId)), sight, null, limit)
			.forEach(o -> rows.put(o.id(), o));
		for (UUID team : teamIds) {
			objectives.list(stored(ObjectiveFilter.ofCycle(cycleId, team)), sight, null, limit)
				.forEach(o -> rows.putIfAbsent(o.id(), o));
		}
		return views(List.copyOf(rows.values()), null, sight);
	}

	private List<OkrViews.ObjectiveView> inCycle(UUID cycleId, Sight sight) {
		List<ObjectiveRow> rows = objectives.inCycle(cycleId).stream()
			.filter(sight::sees)
			.filter(row -> !row.archived())
			.sorted(java.util.Comparator.comparing(ObjectiveRow::id))
			.toList();
		return views(rows, null, sight);
	}

	/**
	 * The objectives evaluated at {@code asOf} (null: now), with their key results, the key results'
	 * forecasts, and the coach's findings about each (none without the coach), computed for all at once, as a
	 * reader with this sight may see them: see {@link #withParentsSeen}.
	 */
	private List<OkrViews.ObjectiveView> views(List<ObjectiveRow> rows, Instant asOf, Sight sight) {
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(rows, asOf);
		var forecast = forecasts.of(evaluated, rows.stream().map(ObjectiveRow::id).toList());
		List<OkrViews.ObjectiveView> views = rows.stream().map(o -> ObjectiveViews.objective(o, evaluated, forecast)).toList();
		ObjectiveFindings coach = findings.getIfAvailable();
		if (coach != null && !views.isEmpty()) {
			// the coach judges the alignment as it is, whoever reads
			Map<String, List<Finding>> found = coach.of(views, asOf);
			views = views.stream().map(v -> v.withFindings(found.getOrDefault(v.id(), List.of()))).toList();
		}
		return withParentsSeen(views, sight);
	}

	/**
	 * An objective aligned to one the reader may not see (a private objective, a draft) answers no parent for
	 * them, neither the objective nor its key result: the parent's id would tell that it exists. The same sight
	 * that hides the parent itself, as the OKR file export leaves such a parent out.
	 */
	private List<OkrViews.ObjectiveView> withParentsSeen(List<OkrViews.ObjectiveView> views, Sight sight) {
		Set<UUID> parents = new HashSet<>();
		views.forEach(v -> {
			if (v.parentId() != null) {
				parents.add(UUID.fromString(v.parentId()));
			}
		});
		if (sight.all() || parents.isEmpty()) {
			return views;
		}
		Set<String> hidden = new HashSet<>();
		objectives.findAll(parents).stream().filter(p -> !sight.sees(p)).forEach(p -> hidden.add(p.id().toString()));
		return hidden.isEmpty() ? views
				: views.stream().map(v -> hidden.contains(v.parentId()) ? v.withoutParent() : v).toList();
	}

	/**
	 * Of these ids of objectives or key results (as an objective's history names its parent, or a moved key result
	 * its objectives), those that name an objective the caller may not see, or one of its key results.
	 */
	public Set<String> hiddenFrom(Caller caller, java.util.Collection<String> ids) {
		Sight sight = access.sightOf(caller);
		Set<String> hidden = new HashSet<>();
		if (sight.all()) {
			return hidden;
		}
		Set<UUID> candidates = new HashSet<>();
		ids.forEach(id -> {
			UUID parsed = Ids.tryParse(id);
			if (parsed != null) {
				candidates.add(parsed);
			}
		});
		List<ObjectiveRow> found = objectives.findAll(candidates);
		found.stream().filter(o -> !sight.sees(o)).forEach(o -> hidden.add(o.id().toString()));
		found.forEach(o -> candidates.remove(o.id()));
		for (UUID id : candidates) {
			keyResults.find(id)
				.flatMap(kr -> objectives.find(kr.objectiveId()))
				.filter(o -> !sight.sees(o))
				.ifPresent(o -> hidden.add(id.toString()));
		}
		return hidden;
	}

	/** As the caller may see it: a private objective they may not see is a 404. */
	public OkrViews.ObjectiveView get(UUID id, Instant asOf, Caller caller) {
		access.requireVisible(caller, row(id));
		return get(id, asOf, access.sightOf(caller));
	}

	public OkrViews.ObjectiveView get(UUID id, Instant asOf) {
		return get(id, asOf, Sight.ALL);
	}

	private OkrViews.ObjectiveView get(UUID id, Instant asOf, Sight sight) {
		ObjectiveRow row = row(id);
		if (asOf != null && row.createdAt().isAfter(asOf)) {
			throw new NotFoundException("objective (as of " + asOf + ")", id);
		}
		return views(List.of(row), asOf, sight).get(0);
	}

	/** What a write answers: the objective now, as the caller sees it (they may have given it away). */
	private OkrViews.ObjectiveView written(UUID id, Caller caller) {
		return get(id, null, access.sightOf(caller));
	}

	/** The id of the objective with this key (OKRs-as-code names objectives by key), or null. */
	public UUID findKey(String key) {
		return objectives.findByKey(key).map(ObjectiveRow::id).orElse(null);
	}

	/** Whether the caller may change this objective and its key results (pages offer the change only then). */
	public boolean mayChange(OkrViews.ObjectiveView objective, Caller caller) {
		return access.mayManage(caller, objective.level(), Ids.tryParse(objective.teamId()),
				Ids.tryParse(objective.ownerId()));
	}

	/** The title of an objective the caller may see, or null (a key result's history names where it moved). */
	public String titleIfVisible(UUID id, Caller caller) {
		return objectives.find(id).filter(row -> access.sightOf(caller).sees(row)).map(ObjectiveRow::title).orElse(null);
	}

	/** The objective's team, if it has one (a team's webhooks hear of its objectives). */
	public Optional<UUID> teamOf(UUID id) {
		return objectives.find(id).map(ObjectiveRow::teamId);
	}

	/** The objective's owner, if it has one (notifications ask whom to tell). */
	public Optional<UUID> ownerOf(UUID id) {
		return objectives.find(id).map(ObjectiveRow::ownerId);
	}

	/** @throws NotFoundException when there is no such objective, or the caller may not see it */
	public void requireVisible(UUID id, Caller caller) {
		access.requireVisible(caller, row(id));
	}

	ObjectiveRow row(UUID id) {
		return objectives.find(id).orElseThrow(() -> new NotFoundException("objective", id));
	}

	@Transactional
	public OkrViews.ObjectiveView create(OkrCommands.CreateObjective c, Caller caller) {
		return create(c, caller, false);
	}

	/**
	 * As {@link #create}, with the same rights, but as a draft: seen only by those who may change it (like a
	 * private objective) until {@link #publish} (an objective adopted from a template starts so).
	 */
	@Transactional
	public OkrViews.ObjectiveView createDraft(OkrCommands.CreateObjective c, Caller caller) {
		return create(c, caller, true);
	}

	/** A draft made visible to the visibility chosen (PUBLIC unless said otherwise); only a draft can be published. */
	@Transactional
	public OkrViews.ObjectiveView publish(UUID id, Visibility visibility, Versions versions, Caller caller) {
		ObjectiveRow current = row(id);
		access.requireManage(caller, current);
		if (!current.draft()) {
			throw new ConflictException("Objective " + id + " is published already");
		}
		versions.check("Objective " + id, current.version());
		Cycles.requireOpen(cycles.row(current.cycleId()));
		Visibility chosen = visibility != null ? visibility : Visibility.PUBLIC;
		if (!objectives.publish(id, chosen, current.version())) {
			throw new StaleVersionException("Objective " + id, current.version(), current.version() + 1,
					versions.fromIfMatch());
		}
		ObjectiveRow published = objectives.find(id).orElseThrow();
		audit.record("objective", id, "PUBLISHED", AuditTrail.diff(current, published));
		return written(id, caller);
	}

	private OkrViews.ObjectiveView create(OkrCommands.CreateObjective c, Caller caller, boolean draft) {
		var problems = new InvalidInputException.Collector();
		UUID cycleId = Ids.tryParse(c.cycleId());
		CycleRow cycle = cycleId == null ? null : cycles.findRow(cycleId);
		if (cycle == null) {
			problems.add("cycleId", "no cycle with id " + Excerpt.of(c.cycleId()));
		}
		UUID team = references.team("teamId", c.teamId(), problems);
		// Without a named owner, an objective of no team and an individual one are the creator's.
		UUID owner = c.ownerId() != null ? references.user("ownerId", c.ownerId(), problems)
				: team == null || c.level() == Level.INDIVIDUAL ? caller.id() : null;
		Alignment alignment = unseenIsUnknown(alignment(c.parentId(), c.parentKeyResultId(), null, problems), caller,
				problems);
		if (c.key() != null && objectives.findByKey(c.key()).isPresent()) {
			problems.add("key", "another objective has the key " + c.key());
		}
		problems.throwIfAny();
		access.requireManage(caller, c.level(), team, owner);
		Cycles.requireOpen(cycle);
		ObjectiveRow row = new ObjectiveRow(Ids.next(), cycle.id(), c.key(), c.title(), c.description(), c.level(),
				team, owner, alignment.parentId(), alignment.parentKeyResultId(),
				c.type() != null ? c.type() : ObjectiveType.COMMITTED,
				c.visibility() != null ? c.visibility() : Visibility.PUBLIC, null, null, null, evaluations.now(), 0, draft);
		List<KeyResultRow> krs = new ArrayList<>();
		List<OkrCommands.CreateKeyResult> commands = c.keyResults() == null ? List.of() : c.keyResults();
		for (int i = 0; i < commands.size(); i++) {
			krs.add(keyResultService.define(commands.get(i), "keyResults[" + i + "].", row, cycle, caller, i, problems));
		}
		problems.throwIfAny();
		rollups.lock(row.parentId());
		objectives.insert(row);
		audit.record("objective", row.id(), "CREATED", AuditTrail.diff(null, row));
		ownerAssigned(row.id(), null, row.ownerId(), caller, row.createdAt());
		events.publishEvent(new ObjectiveWritten(row.id(), ObjectiveWritten.Kind.CREATED, row.cycleId(), row.teamId(),
				row.title(), caller.id(), row.createdAt()));
		krs.forEach(kr -> keyResultService.insert(kr, caller, "CREATED", null));
		rollups.refresh(row.id());
		return written(row.id(), caller);
	}

	@Transactional
	public OkrViews.ObjectiveView update(UUID id, OkrCommands.UpdateObjective c, Versions versions, Caller caller) {
		ObjectiveRow current = row(id);
		access.requireManage(caller, current);
		versions.check("Objective " + id, current.version());
		CycleRow cycle = cycles.row(current.cycleId());
		Instant now = evaluations.now();
		boolean onlyRetrospective = c.title() == null && c.description() == null && c.level() == null
				&& c.teamId() == null && c.ownerId() == null && c.parentId() == null && c.parentKeyResultId() == null
				&& c.type() == null && c.visibility() == null;
		if (!onlyRetrospective) {
			Cycles.requireOpen(cycle);
		}
		if (c.retrospective() != null && !cycle.cycle().hasEndedAt(now)) {
			throw new ConflictException("Retrospective notes open once the cycle has ended (" + cycle.endDate() + ")");
		}
		var problems = new InvalidInputException.Collector();
		UUID team = c.teamId() == null ? current.teamId()
				: c.teamId().isEmpty() ? null : references.team("teamId", c.teamId(), problems);
		UUID owner = c.ownerId() == null ? current.ownerId()
				: c.ownerId().isEmpty() ? null : references.user("ownerId", c.ownerId(), problems);
		Alignment alignment = new Alignment(current.parentId(), current.parentKeyResultId());
		if (c.parentId() != null || c.parentKeyResultId() != null) {
			alignment = unseenIsUnknown(
					alignment(emptyToNull(c.parentId()), emptyToNull(c.parentKeyResultId()), id, problems), caller,
					problems);
		}
		if (team == null && owner == null) {
			problems.add("ownerId", "an objective needs an owning team or an owner");
		}
		problems.throwIfAny();
		// Giving it away (another team, owner or level) needs the right to manage it there too.
		access.requireManage(caller, or(c.level(), current.level()), team, owner);
		ObjectiveRow next = new ObjectiveRow(id, current.cycleId(), current.key(), or(c.title(), current.title()),
				or(c.description(), current.description()), or(c.level(), current.level()), team, owner,
				alignment.parentId(), alignment.parentKeyResultId(), or(c.type(), current.type()),
				or(c.visibility(), current.visibility()), or(c.retrospective(), current.retrospective()),
				current.carriedFromId(), current.finalScore(), current.createdAt(), current.version(), current.draft());
		rollups.lock(id, current.parentId(), next.parentId());
		if (!objectives.update(next)) {
			throw new StaleVersionException("Objective " + id, current.version(), current.version() + 1,
					versions.fromIfMatch());
		}
		audit.record("objective", id, "UPDATED", AuditTrail.diff(current, next));
		ownerAssigned(id, current.ownerId(), next.ownerId(), caller, now);
		events.publishEvent(new ObjectiveWritten(id, ObjectiveWritten.Kind.UPDATED, next.cycleId(), next.teamId(),
				next.title(), caller.id(), now));
		rollups.refresh(id);
		if (!java.util.Objects.equals(current.parentId(), next.parentId())) {
			rollups.refreshIfPresent(current.parentId());
		}
		return written(id, caller);
	}

	/** Tells the new owner, unless they made themselves owner. */
	private void ownerAssigned(UUID id, UUID before, UUID owner, Caller caller, Instant at) {
		if (owner != null && !owner.equals(before) && !owner.equals(caller.id())) {
			events.publishEvent(new OwnerAssigned(OwnerAssigned.Subject.OBJECTIVE, id, id, owner, caller.id(), at));
		}
	}

	@Transactional
	public void delete(UUID id, Caller caller) {
		ObjectiveRow row = row(id);
		access.requireManage(caller, row);
		Cycles.requireOpen(cycles.row(row.cycleId()));
		if (objectives.countAlignedTo(id) > 0) {
			throw new ConflictException("Objectives are aligned to this one; realign or delete them first");
		}
		if (keyResults.ofObjective(id).stream().anyMatch(kr -> kr.lastCheckInAt() != null)) {
			throw new ConflictException("It has check-ins; archive it instead, so that its history stays");
		}
		rollups.lock(id, row.parentId());
		keyResults.ofObjective(id).forEach(kr -> {
			audit.record("key_result", kr.id(), "DELETED", AuditTrail.diff(kr, null));
			keyResults.delete(kr.id());
		});
		objectives.delete(id);
		audit.record("objective", id, "DELETED", AuditTrail.diff(row, null));
		rollups.refreshIfPresent(row.parentId());
	}

	/**
	 * Archives the objective (it leaves lists, the alignment tree and what is due, and its parent's progress; it
	 * stays readable, in history and in backups), or restores it ({@code archived} false). An objective others are
	 * aligned to is not archived: they would lose their parent.
	 */
	@Transactional
	public OkrViews.ObjectiveView archive(UUID id, boolean archived, Versions versions, Caller caller) {
		ObjectiveRow row = row(id);
		access.requireManage(caller, row);
		Cycles.requireOpen(cycles.row(row.cycleId()));
		versions.check("Objective " + id, row.version());
		if (archived == row.archived()) {
			return written(id, caller);
		}
		if (archived && objectives.countAlignedTo(id) > 0) {
			throw new ConflictException("Objectives are aligned to this one; realign or archive them first");
		}
		rollups.lock(id, row.parentId());
		Instant at = archived ? evaluations.now() : null;
		if (!objectives.archive(id, at, row.version())) {
			throw new StaleVersionException("Objective " + id, row.version(), row.version() + 1, versions.fromIfMatch());
		}
		audit.record("objective", id, archived ? "ARCHIVED" : "RESTORED",
				AuditTrail.change("archivedAt", row.archivedAt(), at));
		rollups.refreshIfPresent(row.parentId());
		return written(id, caller);
	}

	/**
	 * Copies the objective with its key results into another cycle. A key result that was not done
	 * starts from its current value; each copy remembers where it came from.
	 */
	@Transactional
	public OkrViews.ObjectiveView carryOver(UUID id, OkrCommands.CarryOver command, Caller caller) {
		ObjectiveRow source = row(id);
		access.requireManage(caller, source);
		var problems = new InvalidInputException.Collector();
		UUID targetId = Ids.tryParse(command.cycleId());
		CycleRow target = targetId == null ? null : cycles.findRow(targetId);
		if (target == null) {
			problems.add("cycleId", "no cycle with id " + Excerpt.of(command.cycleId()));
		}
		else if (target.id().equals(source.cycleId())) {
			problems.add("cycleId", "is the objective's own cycle");
		}
		problems.throwIfAny();
		Cycles.requireOpen(target);
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(List.of(source), null);
		Instant now = evaluations.now();
		ObjectiveRow copy = new ObjectiveRow(Ids.next(), target.id(), null, source.title(), source.description(),
				source.level(), source.teamId(), source.ownerId(), source.parentId(), source.parentKeyResultId(),
				source.type(), source.visibility(), null, source.id(), null, now, 0, source.draft());
		rollups.lock(copy.parentId());
		objectives.insert(copy);
		audit.record("objective", copy.id(), "CARRIED_OVER", AuditTrail.diff(null, copy));
		int position = 0;
		List<KeyResultRow> sourceKeyResults = evaluated.keyResultsOf(id);
		for (int i = 0; i < sourceKeyResults.size(); i++) {
			KeyResultRow kr = sourceKeyResults.get(i);
			Evaluation e = evaluated.keyResultEvaluationsOf(id).get(i);
			boolean done = e.status() == Status.DONE || e.progress() >= 1;
			Double start = kr.startValue();
			if (!done && kr.type().hasStartAndTarget() && kr.currentValue() != null
					&& !kr.currentValue().equals(kr.targetValue())) {
				start = kr.currentValue();
			}
			KeyResultRow carried = new KeyResultRow(Ids.next(), copy.id(), position++, kr.title(), kr.type(), kr.unit(),
					kr.weight(), kr.ownerId(), target.endDate(), start, kr.targetValue(), kr.minValue(), kr.maxValue(),
					kr.kpiId(), null, null, null, kr.id(), null, null, null, null, 0, 0, RunningFit.EMPTY, now, 0);
			keyResultService.insert(carried, caller, "CARRIED_OVER", "from key result " + kr.id() + " of cycle "
					+ evaluated.cycles().get(source.cycleId()).name());
			changes.insert(new KeyResultChangeRow(Ids.next(), kr.id(), now, caller.id(), "CARRIED_TO", null, null,
					carried.id().toString(), "into cycle " + target.name()));
		}
		rollups.refresh(copy.id());
		return written(copy.id(), caller);
	}

	/**
	 * The tree of objectives aligned below this one (directly, or to one of its key results), as the
	 * caller may see it: a private objective they may not see is left out with what hangs below it.
	 */
	public OkrViews.AlignmentNode alignment(UUID id, Caller caller) {
		Sight sight = access.sightOf(caller);
		ObjectiveRow root = row(id);
		access.requireVisible(caller, root);
		List<ObjectiveRow> all = new ArrayList<>(List.of(root));
		Set<UUID> seen = new HashSet<>(Set.of(id));
		List<UUID> frontier = List.of(id);
		while (!frontier.isEmpty()) {
			List<UUID> krIds = keyResults.ofObjectives(frontier).stream().map(KeyResultRow::id).toList();
			List<UUID> next = new ArrayList<>();
			for (ObjectiveRow child : objectives.alignedTo(frontier, krIds)) {
				if (sight.sees(child) && seen.add(child.id())) {
					all.add(child);
					next.add(child.id());
				}
			}
			frontier = next;
		}
		OkrEvaluations.Evaluated evaluated = evaluations.evaluate(all, null);
		return node(root, null, all, evaluated, new HashSet<>());
	}

	private OkrViews.AlignmentNode node(ObjectiveRow o, UUID via, List<ObjectiveRow> all,
			OkrEvaluations.Evaluated evaluated, Set<UUID> path) {
		path.add(o.id());
		Set<UUID> ownKeyResults = new HashSet<>();
		evaluated.keyResults().getOrDefault(o.id(), List.of()).forEach(kr -> ownKeyResults.add(kr.id()));
		List<OkrViews.AlignmentNode> children = new ArrayList<>();
		for (ObjectiveRow child : all) {
			boolean viaKr = child.parentKeyResultId() != null && ownKeyResults.contains(child.parentKeyResultId());
			boolean direct = Objects.equals(child.parentId(), o.id());
			if ((viaKr || direct) && !path.contains(child.id())) {
				children.add(node(child, viaKr ? child.parentKeyResultId() : null, all, evaluated, path));
			}
		}
		path.remove(o.id());
		Evaluation e = evaluated.of(o.id());
		return new OkrViews.AlignmentNode(o.id().toString(), o.title(), o.level(), o.cycleId().toString(),
				Ids.str(o.teamId()), Ids.str(o.ownerId()), Ids.str(via), e.progress(), e.status(), children);
	}

	private record Alignment(UUID parentId, UUID parentKeyResultId) {
	}

	/** Aligning to a private objective the caller may not see is refused as if it did not exist. */
	private Alignment unseenIsUnknown(Alignment alignment, Caller caller, InvalidInputException.Collector problems) {
		if (alignment.parentId() == null) {
			return alignment;
		}
		ObjectiveRow parent = objectives.find(alignment.parentId()).orElse(null);
		if (parent != null && !access.sightOf(caller).sees(parent)) {
			if (alignment.parentKeyResultId() != null) {
				problems.add("parentKeyResultId", "no key result with id " + alignment.parentKeyResultId());
			}
			else {
				problems.add("parentId", "no objective with id " + alignment.parentId());
			}
			return new Alignment(null, null);
		}
		return alignment;
	}

	/** Alignment to an objective, or more precisely to one of its key results; never to itself or below itself. */
	private Alignment alignment(String parentId, String parentKeyResultId, UUID self,
			InvalidInputException.Collector problems) {
		ObjectiveRow parent = references.objective("parentId", parentId, problems);
		KeyResultRow parentKr = references.keyResult("parentKeyResultId", parentKeyResultId, problems);
		if (parentKr != null) {
			if (parent != null && !parent.id().equals(parentKr.objectiveId())) {
				problems.add("parentKeyResultId", "belongs to another objective than parentId");
			}
			parent = objectives.find(parentKr.objectiveId()).orElse(parent);
		}
		if (parent != null && self != null && isSelfOrAlignedBelow(parent.id(), self)) {
			problems.add(parentKeyResultId != null ? "parentKeyResultId" : "parentId",
					"would align the objective to itself");
		}
		return new Alignment(parent == null ? null : parent.id(), parentKr == null ? null : parentKr.id());
	}

	private boolean isSelfOrAlignedBelow(UUID candidate, UUID self) {
		UUID cursor = candidate;
		for (int depth = 0; cursor != null && depth < 1000; depth++) {
			if (cursor.equals(self)) {
				return true;
			}
			cursor = objectives.find(cursor).map(ObjectiveRow::parentId).orElse(null);
		}
		return false;
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}
}
