package app.tandem.dashboard;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.okr.CycleReads;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Status;

/** A cycle at a glance: its progress, how many objectives stand where, and the ten furthest behind. */
record Dashboard(OkrViews.CycleView cycle, double progress, double expectedProgress, int objectives,
		int keyResults, Map<Status, Integer> objectiveStatus, List<Risk> topRisks, KpiPart kpis) {

	static final int TOP_RISKS = 10;

	/** An objective behind where it should be by {@code gap} (expected − progress). */
	record Risk(String id, String title, String level, String teamId, String ownerId, double progress,
			double expectedProgress, double gap, Status status) {
	}

	/**
	 * The balanced scorecard: KPI statuses per perspective, and every KPI listed red first (then
	 * amber, no data, green).
	 */
	record KpiPart(Map<String, Map<KpiStatus, Integer>> perspectives, List<KpiCatalog.StoredStatus> kpis) {

		static final List<KpiStatus> WORST_FIRST = List.of(KpiStatus.RED, KpiStatus.AMBER, KpiStatus.NO_DATA,
				KpiStatus.GREEN);

		static KpiPart of(List<KpiCatalog.StoredStatus> statuses) {
			Map<String, Map<KpiStatus, Integer>> perspectives = new java.util.TreeMap<>();
			for (KpiCatalog.StoredStatus kpi : statuses) {
				String perspective = kpi.perspective() == null ? "NONE" : kpi.perspective();
				perspectives.computeIfAbsent(perspective, p -> {
					Map<KpiStatus, Integer> counts = new EnumMap<>(KpiStatus.class);
					for (KpiStatus status : KpiStatus.values()) {
						counts.put(status, 0);
					}
					return counts;
				}).merge(kpi.status(), 1, Integer::sum);
			}
			List<KpiCatalog.StoredStatus> ordered = statuses.stream()
				.sorted(Comparator.comparingInt((KpiCatalog.StoredStatus k) -> WORST_FIRST.indexOf(k.status()))
					.thenComparing(KpiCatalog.StoredStatus::key))
				.toList();
			return new KpiPart(perspectives, ordered);
		}
	}

	static Dashboard of(OkrViews.CycleView cycle, CycleReads.CycleEvaluation evaluation,
			List<KpiCatalog.StoredStatus> kpiStatuses) {
		var objectives = evaluation.objectives();
		double progress = objectives.stream().mapToDouble(CycleReads.EvaluatedObjective::progress).average().orElse(0);
		double expected = objectives.stream().mapToDouble(CycleReads.EvaluatedObjective::expectedProgress).average()
			.orElse(0);
		Map<Status, Integer> objectiveStatus = counts(objectives.stream().map(CycleReads.EvaluatedObjective::status).toList());
		List<Risk> risks = objectives.stream()
			.filter(o -> o.expectedProgress() - o.progress() > 0)
			.sorted(Comparator.comparingDouble((CycleReads.EvaluatedObjective o) -> o.expectedProgress() - o.progress())
				.reversed()
				.thenComparing(CycleReads.EvaluatedObjective::id))
			.limit(TOP_RISKS)
			.map(o -> new Risk(o.id(), o.title(), o.level().name(), o.teamId(), o.ownerId(), o.progress(),
					o.expectedProgress(), o.expectedProgress() - o.progress(), o.status()))
			.toList();
		return new Dashboard(cycle, progress, expected, objectives.size(), evaluation.keyResults(), objectiveStatus,
				risks, KpiPart.of(kpiStatuses));
	}

	private static Map<Status, Integer> counts(List<Status> statuses) {
		Map<Status, Integer> counts = new EnumMap<>(Status.class);
		for (Status status : Status.values()) {
			counts.put(status, 0);
		}
		statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
		return counts;
	}
}
