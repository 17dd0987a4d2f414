package app.tandem.coach.domain;

import java.util.List;

import app.tandem.kpi.domain.Direction;
import app.tandem.shared.Finding;

/** KPI-004: a KPI without a target (for WITHIN_RANGE: without both bounds of its range). */
public final class KpiWithoutTarget implements KpiRule {

	@Override
	public String id() {
		return "KPI-004";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(KpiSnapshot kpi, CoachContext context, List<Finding> findings) {
		boolean range = kpi.direction() == Direction.WITHIN_RANGE;
		boolean missing = range ? kpi.lowerBound() == null || kpi.upperBound() == null : kpi.target() == null;
		if (missing) {
			findings.add(finding(Finding.SubjectType.KPI, kpi.id(),
					"KPI " + Words.quoted(kpi.label()) + " has no " + (range ? "range (lower and upper bound)" : "target"),
					range ? "Give the range it should stay in, and a warning margin, e.g. 70 to 80 with a margin of 5"
							+ " for engineering utilization."
							: "Without a target its status cannot say whether the number is good: set a target and a"
									+ " warning threshold, e.g. target 90 and warning threshold 80 for a satisfaction"
									+ " score where higher is better.")
				.withVariant(range ? "range" : "target")
				.withArgs(Words.text(kpi.label())));
		}
	}
}
