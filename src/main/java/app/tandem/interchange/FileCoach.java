package app.tandem.interchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tandem.coach.domain.Coach;
import app.tandem.coach.domain.CoachContext;
import app.tandem.coach.domain.CoachThresholds;
import app.tandem.coach.domain.KeyResultSnapshot;
import app.tandem.coach.domain.KpiSnapshot;
import app.tandem.coach.domain.ObjectiveSnapshot;
import app.tandem.kpi.KpiDefinition;
import app.tandem.kpi.domain.Direction;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.Finding;

/**
 * The coach's rules over an OKRs-as-code file, with nothing but the file: objectives and key
 * results are named by their paths in it ({@code objectives[2].keyResults[0]}), KPIs by their keys,
 * teams by their keys and cycles by their names. What only a database knows is not there: KPI
 * values (OKR-007 takes a KPI at the key result's start value), review dates (KPI-003 never fires),
 * and the objectives of other files (KPI-005 counts the file's own).
 */
final class FileCoach {

	private FileCoach() {
	}

	static List<Finding> review(OkrFile file, CoachThresholds thresholds, Instant now) {
		Map<String, OkrFile.CycleSpec> cycles = new HashMap<>();
		file.cycles().forEach(c -> cycles.putIfAbsent(c.name(), c));
		Set<String> measuring = new HashSet<>();
		Set<String> teams = new HashSet<>();
		List<ObjectiveSnapshot> objectives = new ArrayList<>();
		for (OkrFile.ObjectiveSpec o : file.objectives()) {
			List<KeyResultSnapshot> krs = new ArrayList<>();
			for (OkrFile.KeyResultSpec kr : o.keyResults()) {
				krs.add(new KeyResultSnapshot(kr.path(), kr.title(), kr.type(), kr.start(), kr.target(), kr.min(),
						kr.max(), kr.due(), kr.kpi()));
				if (kr.kpi() != null) {
					measuring.add(kr.kpi());
				}
			}
			if (o.team() != null) {
				teams.add(o.team());
			}
			OkrFile.CycleSpec cycle = cycles.get(o.cycle());
			objectives.add(new ObjectiveSnapshot(o.path(), o.cycle(), o.title(), o.level(),
					o.type() != null ? o.type() : ObjectiveType.COMMITTED, o.team(),
					o.parent() != null ? o.parent() : o.parentKeyResult(), cycle == null ? null : cycle.start(),
					cycle == null ? null : cycle.end(), krs));
		}
		Map<String, KpiSnapshot> kpis = new HashMap<>();
		List<KpiSnapshot> judged = new ArrayList<>();
		for (OkrFile.KpiSpec k : file.kpis()) {
			KpiDefinition d = k.definition();
			KpiSnapshot kpi = new KpiSnapshot(d.key(), d.key(), d.name(), d.definition(), d.reason(), d.dataSource(),
					d.direction() == null ? null : Direction.valueOf(d.direction()), d.target(), d.lowerBound(),
					d.upperBound(), k.team(), d.reviewEveryDays(), null, null, null);
			kpis.putIfAbsent(kpi.id(), kpi);
			judged.add(kpi);
		}
		return Coach.review(objectives, judged, new CoachContext(thresholds, kpis, measuring, teams, now));
	}
}
