package app.tandem.coach.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tandem.kpi.domain.Direction;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.Finding;

/** Small, well-written OKRs and KPIs for the rule tests, each test changing the one thing it is about. */
final class Examples {

	static final LocalDate START = LocalDate.of(2026, 10, 1);

	static final LocalDate END = LocalDate.of(2026, 12, 31);

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static final CoachContext CONTEXT = context(List.of(), Set.of(), Set.of());

	private static int serial;

	private Examples() {
	}

	static CoachContext context(List<KpiSnapshot> kpis, Set<String> measuring, Set<String> teams) {
		Map<String, KpiSnapshot> byId = new java.util.HashMap<>();
		kpis.forEach(k -> byId.put(k.id(), k));
		return new CoachContext(CoachThresholds.DEFAULTS, byId, measuring, teams, NOW);
	}

	static KeyResultSnapshot increase(String title, Double start, Double target) {
		return new KeyResultSnapshot("kr-" + ++serial, title, KeyResultType.INCREASE, start, target, null, null, null,
				null);
	}

	static KeyResultSnapshot decrease(String title, Double start, Double target) {
		return new KeyResultSnapshot("kr-" + ++serial, title, KeyResultType.DECREASE, start, target, null, null, null,
				null);
	}

	static KeyResultSnapshot threshold(String title, Double min, Double max) {
		return new KeyResultSnapshot("kr-" + ++serial, title, KeyResultType.THRESHOLD, null, null, min, max, null,
				null);
	}

	static KeyResultSnapshot milestone(String title) {
		return new KeyResultSnapshot("kr-" + ++serial, title, KeyResultType.MILESTONE, null, null, null, null, null,
				null);
	}

	static KeyResultSnapshot baseline(String title) {
		return new KeyResultSnapshot("kr-" + ++serial, title, KeyResultType.BASELINE, null, null, null, null, null,
				null);
	}

	static KeyResultSnapshot due(KeyResultSnapshot kr, LocalDate due) {
		return new KeyResultSnapshot(kr.id(), kr.title(), kr.type(), kr.start(), kr.target(), kr.min(), kr.max(), due,
				kr.kpiId());
	}

	static KeyResultSnapshot measuredBy(KeyResultSnapshot kr, String kpiId) {
		return new KeyResultSnapshot(kr.id(), kr.title(), kr.type(), kr.start(), kr.target(), kr.min(), kr.max(),
				kr.due(), kpiId);
	}

	/** Two sound key results: an increase and a decrease. */
	static List<KeyResultSnapshot> sound() {
		return List.of(increase("Raise day-7 activation from 40% to 55%", 40.0, 55.0),
				decrease("Cut checkout abandonment from 70% to 55%", 70.0, 55.0));
	}

	/** A committed team objective of the cycle, aligned to a company objective. */
	static ObjectiveSnapshot objective(String title, List<KeyResultSnapshot> keyResults) {
		return new ObjectiveSnapshot("o-" + ++serial, "cycle", title, Level.TEAM, ObjectiveType.COMMITTED, "team",
				"company-objective", START, END, keyResults);
	}

	static ObjectiveSnapshot objective(String title, KeyResultSnapshot... keyResults) {
		return objective(title, Arrays.asList(keyResults));
	}

	static ObjectiveSnapshot objective(KeyResultSnapshot... keyResults) {
		return objective("Delight new patients", keyResults);
	}

	static ObjectiveSnapshot typed(ObjectiveType type) {
		return new ObjectiveSnapshot("o-" + ++serial, "cycle", "Delight new patients", Level.TEAM, type, "team",
				"company-objective", START, END, sound());
	}

	static ObjectiveSnapshot at(Level level, String parentId) {
		return new ObjectiveSnapshot("o-" + ++serial, "cycle", "Delight new patients", level, ObjectiveType.COMMITTED,
				"team", parentId, START, END, sound());
	}

	/** A KPI with everything: context, a target, a team, reviewed yesterday. */
	static KpiSnapshot kpi(String id) {
		return new KpiSnapshot(id, id, "Customer satisfaction", "Share of answers rating 4 or 5 of 5",
				"Contentment with the app", "In-app survey", Direction.HIGHER_IS_BETTER, 90.0, null, null, "team", 30,
				NOW.minusSeconds(86_400), Instant.parse("2026-01-01T00:00:00Z"), null);
	}

	static KpiSnapshot kpi(String id, Direction direction, Double target, Double lower, Double upper, Double latest) {
		KpiSnapshot k = kpi(id);
		return new KpiSnapshot(k.id(), k.key(), k.name(), k.definition(), k.reason(), k.dataSource(), direction, target,
				lower, upper, k.teamId(), k.reviewEveryDays(), k.lastReviewedAt(), k.createdAt(), latest);
	}

	static KpiSnapshot context(KpiSnapshot k, String definition, String reason, String dataSource) {
		return new KpiSnapshot(k.id(), k.key(), k.name(), definition, reason, dataSource, k.direction(), k.target(),
				k.lowerBound(), k.upperBound(), k.teamId(), k.reviewEveryDays(), k.lastReviewedAt(), k.createdAt(),
				k.latestValue());
	}

	static KpiSnapshot reviewed(KpiSnapshot k, Integer everyDays, Instant lastReviewedAt) {
		return new KpiSnapshot(k.id(), k.key(), k.name(), k.definition(), k.reason(), k.dataSource(), k.direction(),
				k.target(), k.lowerBound(), k.upperBound(), k.teamId(), everyDays, lastReviewedAt, k.createdAt(),
				k.latestValue());
	}

	static KpiSnapshot ofTeam(KpiSnapshot k, String teamId) {
		return new KpiSnapshot(k.id(), k.key(), k.name(), k.definition(), k.reason(), k.dataSource(), k.direction(),
				k.target(), k.lowerBound(), k.upperBound(), teamId, k.reviewEveryDays(), k.lastReviewedAt(),
				k.createdAt(), k.latestValue());
	}

	static List<Finding> check(ObjectiveRule rule, ObjectiveSnapshot objective) {
		return check(rule, objective, CONTEXT);
	}

	static List<Finding> check(ObjectiveRule rule, ObjectiveSnapshot objective, CoachContext context) {
		List<Finding> findings = new ArrayList<>();
		rule.check(objective, context, findings);
		return findings;
	}

	static List<Finding> check(KpiRule rule, KpiSnapshot kpi, CoachContext context) {
		List<Finding> findings = new ArrayList<>();
		rule.check(kpi, context, findings);
		return findings;
	}

	static List<Finding> check(PortfolioRule rule, List<ObjectiveSnapshot> objectives, List<KpiSnapshot> kpis) {
		List<Finding> findings = new ArrayList<>();
		rule.check(objectives, kpis, CONTEXT, findings);
		return findings;
	}
}
