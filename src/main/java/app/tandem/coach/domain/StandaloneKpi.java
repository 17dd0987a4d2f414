package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/**
 * KPI-005: a KPI that measures no key result and whose team has no objective, in the cycle judged
 * or a cycle overlapping it: tracked standalone, steering nothing. A KPI without a team is
 * standalone unless it measures a key result.
 */
public final class StandaloneKpi implements KpiRule {

	@Override
	public String id() {
		return "KPI-005";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.INFO;
	}

	@Override
	public void check(KpiSnapshot kpi, CoachContext context, List<Finding> findings) {
		if (context.kpisMeasuringKeyResults().contains(kpi.id())) {
			return;
		}
		if (kpi.teamId() != null && context.teamsWithObjectives().contains(kpi.teamId())) {
			return;
		}
		findings.add(finding(Finding.SubjectType.KPI, kpi.id(),
				"KPI " + Words.quoted(kpi.label()) + " measures no key result and "
						+ (kpi.teamId() == null ? "belongs to no team" : "its team has no objectives")
						+ ": it is tracked standalone",
				"Tie it to the OKRs: measure a key result by it (e.g. \"Cut first-response time from 6 h to 2 h\""
						+ " measured by this KPI), or give its team an objective it informs; a KPI nobody steers by"
						+ " may not be needed.")
			.withVariant(kpi.teamId() == null ? "noTeam" : "teamWithoutObjectives")
			.withArgs(Words.text(kpi.label())));
	}
}
