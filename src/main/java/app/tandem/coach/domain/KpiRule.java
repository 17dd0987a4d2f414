package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/** A rule about one KPI. */
public interface KpiRule extends Rule {

	void check(KpiSnapshot kpi, CoachContext context, List<Finding> findings);
}
