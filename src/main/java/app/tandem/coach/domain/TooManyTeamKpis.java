package app.tandem.coach.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tandem.shared.Finding;

/** KPI-001: a team tracks more KPIs than the threshold (7). KPIs without a team count for no team. */
public final class TooManyTeamKpis implements PortfolioRule {

	@Override
	public String id() {
		return "KPI-001";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(List<ObjectiveSnapshot> objectives, List<KpiSnapshot> kpis, CoachContext context,
			List<Finding> findings) {
		Map<String, Integer> perTeam = new LinkedHashMap<>();
		for (KpiSnapshot kpi : kpis) {
			if (kpi.teamId() != null) {
				perTeam.merge(kpi.teamId(), 1, Integer::sum);
			}
		}
		int max = context.thresholds().maxKpisPerTeam();
		perTeam.forEach((team, count) -> {
			if (count > max) {
				findings.add(finding(Finding.SubjectType.TEAM, team,
						"The team tracks " + count + " KPIs (more than " + max + ")",
						"Nobody watches dozens of numbers: keep the few that tell whether the team's work is healthy,"
								+ " and retire the others or hand them to the team that acts on them.")
					.withArgs(count, max));
			}
		});
	}
}
