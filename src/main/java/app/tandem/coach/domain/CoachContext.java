package app.tandem.coach.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the rules need beyond the subject they judge.
 *
 * @param kpis every KPI a key result may name, by id (OKR-007 looks up the KPI a key result is measured by)
 * @param kpisMeasuringKeyResults ids of the KPIs that measure a key result of the cycle or of a cycle that
 * overlaps it (KPI-005)
 * @param teamsWithObjectives ids of the teams with an objective in the cycle or in one that overlaps it (KPI-005)
 * @param now the instant the rules judge at (KPI-003's review dates)
 */
public record CoachContext(CoachThresholds thresholds, Map<String, KpiSnapshot> kpis,
		Set<String> kpisMeasuringKeyResults, Set<String> teamsWithObjectives, Instant now) {

	public CoachContext {
		kpis = Map.copyOf(kpis);
		kpisMeasuringKeyResults = Set.copyOf(kpisMeasuringKeyResults);
		teamsWithObjectives = Set.copyOf(teamsWithObjectives);
	}
}
