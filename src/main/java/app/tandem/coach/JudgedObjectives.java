package app.tandem.coach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import app.tandem.coach.domain.Coach;
import app.tandem.coach.domain.CoachContext;
import app.tandem.coach.domain.KpiSnapshot;
import app.tandem.coach.domain.ObjectiveSnapshot;
import app.tandem.okr.OkrDefinitions;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Finding;
import org.springframework.stereotype.Component;

/**
 * Each objective's findings as this node last judged them, kept while what they were judged from stays as it was:
 * the objective's revision (every write to it or to its key results moves it), its cycle's dates and the KPIs its
 * key results name. Judging a cycle of 10,000 objectives then reads their revisions and only the objectives that
 * moved, not 50,000 rows. A cache, not state: another node judges for itself, and a node that starts afresh judges
 * everything once.
 */
@Component
class JudgedObjectives {

	/** What one objective was judged from, and what was found. */
	private record Judged(long revision, OkrDefinitions.WrittenObjective objective, LocalDate start, LocalDate end,
			Map<String, KpiSnapshot> kpis, ObjectiveSnapshot snapshot, List<Finding> findings) {
	}

	/** Beyond this many objectives kept, the node starts afresh (several large cycles looked at in turn). */
	private static final int KEPT = 200_000;

	private final Map<String, Judged> judged = new ConcurrentHashMap<>();

	private final OkrDefinitions written;

	JudgedObjectives(OkrDefinitions written) {
		this.written = written;
	}

	/** Forgets everything judged, as a node that starts afresh (the tests compare what is kept with that). */
	void forget() {
		judged.clear();
	}

	/** The objectives judged, in the order of {@code seen}, and their findings. */
	record Judgement(List<ObjectiveSnapshot> objectives, List<Finding> findings) {
	}

	/**
	 * @param seen the objectives to judge (those the caller sees) with their revisions now
	 * @param context every KPI by id, as now
	 */
	Judgement judge(List<OkrDefinitions.Revision> seen, OkrViews.CycleView cycle, CoachContext context) {
		List<String> moved = new ArrayList<>();
		for (OkrDefinitions.Revision r : seen) {
			Judged j = judged.get(r.id());
			if (j == null || j.revision() != r.revision()) {
				moved.add(r.id());
			}
		}
		Map<String, OkrDefinitions.RevisedObjective> read = written.written(moved);
		if (judged.size() + read.size() > KEPT) {
			judged.clear();
		}
		List<ObjectiveSnapshot> objectives = new ArrayList<>(seen.size());
		List<Finding> findings = new ArrayList<>();
		for (OkrDefinitions.Revision r : seen) {
			OkrDefinitions.RevisedObjective fresh = read.get(r.id());
			Judged j;
			if (fresh != null) {
				j = judge(fresh.revision(), fresh.objective(), cycle, context);
				judged.put(r.id(), j);
			}
			else {
				j = judged.get(r.id());
				if (j == null) {
					continue; // deleted since its revision was read
				}
				if (!sameInputs(j, cycle, context)) {
					j = judge(j.revision(), j.objective(), cycle, context);
					judged.put(r.id(), j);
				}
			}
			objectives.add(j.snapshot());
			findings.addAll(j.findings());
		}
		return new Judgement(objectives, findings);
	}

	private static Judged judge(long revision, OkrDefinitions.WrittenObjective objective, OkrViews.CycleView cycle,
			CoachContext context) {
		ObjectiveSnapshot snapshot = Snapshots.of(objective, cycle);
		Map<String, KpiSnapshot> kpis = new java.util.HashMap<>();
		// a KPI that is named but does not exist is kept as null: judged without it, until it is there
		objective.keyResults().forEach(kr -> {
			if (kr.kpiId() != null) {
				kpis.put(kr.kpiId(), context.kpis().get(kr.kpiId()));
			}
		});
		return new Judged(revision, objective, cycle.startDate(), cycle.endDate(), kpis.isEmpty() ? Map.of() : kpis, snapshot,
				List.copyOf(Coach.ofObjective(snapshot, context)));
	}

	/** Whether the cycle's dates and the KPIs the key results name are as they were when the objective was judged. */
	private static boolean sameInputs(Judged j, OkrViews.CycleView cycle, CoachContext context) {
		if (!Objects.equals(j.start(), cycle.startDate()) || !Objects.equals(j.end(), cycle.endDate())) {
			return false;
		}
		for (String kpi : j.kpis().keySet()) { // the KPIs its key results name (most name none)
			if (!Objects.equals(j.kpis().get(kpi), context.kpis().get(kpi))) {
				return false;
			}
		}
		return true;
	}
}
