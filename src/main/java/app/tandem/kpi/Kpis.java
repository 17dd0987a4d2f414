package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Excerpt;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining KPIs: every field checked, keys unique, formulas over known KPIs without cycles. */
@Service
public class Kpis {

	private final KpiCatalog catalog;

	private final IdentityApi identity;

	private final KpiFormulas formulas;

	private final KpiViews views;

	private final KpiStatusChanges events;

	private final KpiAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	Kpis(KpiCatalog catalog, IdentityApi identity, KpiFormulas formulas, KpiViews views, KpiStatusChanges events,
			KpiAccess access, AuditTrail audit, Clock clock) {
		this.clock = clock;
		this.audit = audit;
		this.events = events;
		this.access = access;
		this.views = views;
		this.catalog = catalog;
		this.identity = identity;
		this.formulas = formulas;
	}

	@Transactional
	public KpiView create(KpiCommands.CreateKpi c, Caller caller) {
		var problems = new InvalidInputException.Collector();
		UUID team = reference("teamId", c.teamId(), problems, true);
		UUID owner = reference("ownerId", c.ownerId(), problems, false);
		if (problems.isEmpty()) {
			access.requireManage(caller, team);
		}
		var kpi = new KpiDefinition(null, c.key(), c.name(), c.definition(), c.reason(), c.dataSource(), c.unit(),
				c.direction(), c.target(), c.warningThreshold(), c.lowerBound(), c.upperBound(), c.warningMargin(),
				c.frequency(), c.indicator(), c.perspective(), c.aggregation(), blankToNull(c.formula()), team, owner,
				c.reviewEveryDays(), c.lastReviewedAt());
		kpi.problems().forEach(p -> problems.add(p[0], p[1]));
		if (problems.isEmpty()) {
			formulas.check(kpi, problems);
		}
		problems.throwIfAny();
		if (catalog.idByKey(c.key()).isPresent()) {
			throw new ConflictException("A KPI with key " + c.key() + " exists already");
		}
		UUID id = catalog.create(kpi);
		audit.record("kpi", id, "CREATED", AuditTrail.diff(null, catalog.get(id.toString())));
		return views.get(id.toString());
	}

	@Transactional
	public KpiView update(String idOrKey, KpiCommands.UpdateKpi c, Versions versions, Caller caller) {
		KpiDefinition current = catalog.get(idOrKey);
		access.requireChange(caller, current);
		long version = catalog.version(current.id());
		versions.check("KPI " + current.key(), version);
		var problems = new InvalidInputException.Collector();
		UUID team = c.teamId() == null ? current.teamId()
				: c.teamId().isEmpty() ? null : reference("teamId", c.teamId(), problems, true);
		UUID owner = c.ownerId() == null ? current.ownerId()
				: c.ownerId().isEmpty() ? null : reference("ownerId", c.ownerId(), problems, false);
		if (problems.isEmpty() && !java.util.Objects.equals(team, current.teamId())) {
			// Handing it to another team needs the right to manage it there too (an owner alone may not).
			access.requireManage(caller, current.teamId());
			access.requireManage(caller, team);
		}
		String formula = c.formula() == null ? current.formula() : blankToNull(c.formula());
		var next = new KpiDefinition(current.id(), current.key(), or(c.name(), current.name()),
				or(c.definition(), current.definition()), or(c.reason(), current.reason()),
				or(c.dataSource(), current.dataSource()), or(c.unit(), current.unit()),
				or(c.direction(), current.direction()), or(c.target(), current.target()),
				or(c.warningThreshold(), current.warningThreshold()), or(c.lowerBound(), current.lowerBound()),
				or(c.upperBound(), current.upperBound()), or(c.warningMargin(), current.warningMargin()),
				or(c.frequency(), current.frequency()), or(c.indicator(), current.indicator()),
				or(c.perspective(), current.perspective()), or(c.aggregation(), current.aggregation()), formula, team,
				owner, or(c.reviewEveryDays(), current.reviewEveryDays()),
				or(c.lastReviewedAt(), current.lastReviewedAt()));
		next.problems().forEach(p -> problems.add(p[0], p[1]));
		if (problems.isEmpty()) {
			formulas.check(next, problems);
		}
		problems.throwIfAny();
		if (!catalog.update(next, version)) {
			throw new StaleVersionException("KPI " + current.key(), version, version + 1, versions.fromIfMatch());
		}
		audit.record("kpi", current.id(), "UPDATED", AuditTrail.diff(current, next));
		// A new target or range can change the status as much as a new value can.
		events.refresh(next);
		return views.get(current.id().toString());
	}

	/**
	 * The KPI has been reviewed now (its owner, a lead of its team or an admin says so): clears a review due. No
	 * version check: it overwrites nothing anyone typed, and moves the version on itself.
	 */
	@Transactional
	public KpiView markReviewed(String idOrKey, Caller caller) {
		KpiDefinition kpi = catalog.get(idOrKey);
		access.requireReview(caller, kpi);
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		catalog.markReviewed(kpi.id(), now);
		audit.record("kpi", kpi.id(), "REVIEWED", AuditTrail.change("lastReviewedAt", kpi.lastReviewedAt(), now));
		return views.get(kpi.id().toString());
	}

	/**
	 * What is wrong with a formula for the KPI {@code key} (unknown keys, a cycle, bad syntax), as saving would say
	 * it; empty when it would be accepted. For a form that checks as one types.
	 */
	public List<String> formulaProblems(String key, String formula) {
		if (formula == null || formula.isBlank()) {
			return List.of();
		}
		var probe = new KpiDefinition(null, key == null ? "" : key.strip(), null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, formula.strip(), null, null, null, null);
		var problems = new InvalidInputException.Collector();
		formulas.check(probe, problems);
		try {
			problems.throwIfAny();
			return List.of();
		}
		catch (InvalidInputException e) {
			return e.errors().stream().map(InvalidInputException.FieldError::message).toList();
		}
	}

	/** Whether the caller may define KPIs at all (an admin, or a lead of some team): for a page's link. */
	public boolean mayDefine(Caller caller) {
		var rights = identity.rightsOf(caller);
		return rights.admin() || !rights.ledTeams().isEmpty();
	}

	/** Whether {@link #update} would let the caller: its owner, a lead of its team, an admin. */
	public boolean mayChange(KpiView kpi, Caller caller) {
		return access.mayChange(caller, Ids.tryParse(kpi.teamId()), Ids.tryParse(kpi.ownerId()));
	}

	/** Whether {@link #delete} would let the caller: a lead of its team, an admin. */
	public boolean mayDelete(KpiView kpi, Caller caller) {
		return access.mayManage(caller, Ids.tryParse(kpi.teamId()));
	}

	/** Whether {@link #markReviewed} would let the caller: for a page's button. */
	public boolean mayMarkReviewed(KpiView kpi, Caller caller) {
		return access.mayReview(caller, Ids.tryParse(kpi.teamId()), Ids.tryParse(kpi.ownerId()));
	}

	@Transactional
	public void delete(String idOrKey, Caller caller) {
		KpiDefinition kpi = catalog.get(idOrKey);
		access.requireManage(caller, kpi.teamId());
		if (catalog.linkedKeyResults(kpi.id()) > 0) {
			throw new ConflictException("Key results are measured by this KPI; unlink them first");
		}
		List<String> users = formulas.usedBy(kpi.key());
		if (!users.isEmpty()) {
			throw new ConflictException("The formulas of " + String.join(", ", users) + " use this KPI");
		}
		catalog.delete(kpi.id());
		audit.record("kpi", kpi.id(), "DELETED", AuditTrail.diff(kpi, null));
	}

	private UUID reference(String field, String id, InvalidInputException.Collector problems, boolean team) {
		if (id == null) {
			return null;
		}
		UUID uuid = Ids.tryParse(id);
		boolean exists = uuid != null && (team ? identity.teamExists(uuid) : identity.userExists(uuid));
		if (!exists) {
			problems.add(field, "no " + (team ? "team" : "user") + " with id " + Excerpt.of(id));
		}
		return uuid;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}
}
