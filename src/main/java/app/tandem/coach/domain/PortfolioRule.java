package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/** A rule about many subjects together: the objectives of a cycle, the KPIs of a team. */
public interface PortfolioRule extends Rule {

	void check(List<ObjectiveSnapshot> objectives, List<KpiSnapshot> kpis, CoachContext context,
			List<Finding> findings);
}
