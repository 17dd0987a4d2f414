package app.tandem.coach.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.Finding;

/**
 * OKR-010: all of a cycle's objectives (two or more) are committed, or all are aspirational.
 * A single objective is no mix to speak of. An objective without a type counts as committed (the
 * default).
 */
public final class OneSidedCycle implements PortfolioRule {

	@Override
	public String id() {
		return "OKR-010";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.INFO;
	}

	@Override
	public void check(List<ObjectiveSnapshot> objectives, List<KpiSnapshot> kpis, CoachContext context,
			List<Finding> findings) {
		Map<String, int[]> byCycle = new LinkedHashMap<>();
		String last = null;
		int[] tally = null;
		for (ObjectiveSnapshot o : objectives) {
			if (o.cycleId() != null) {
				if (!o.cycleId().equals(last)) { // a coach's objectives are mostly of one cycle: one look-up
					last = o.cycleId();
					tally = byCycle.computeIfAbsent(last, c -> new int[2]);
				}
				tally[o.type() == ObjectiveType.ASPIRATIONAL ? 1 : 0]++;
			}
		}
		byCycle.forEach((cycle, counts) -> {
			int all = counts[0] + counts[1];
			if (all >= 2 && (counts[0] == 0 || counts[1] == 0)) {
				boolean committed = counts[1] == 0;
				findings.add(finding(Finding.SubjectType.CYCLE, cycle,
						"All " + all + " objectives of the cycle are " + (committed ? "committed" : "aspirational"),
						committed
								? "Committed objectives must be met in full, which invites safe targets: add an"
										+ " aspirational one to stretch for (0.7 counts as success there), e.g. \"Become"
										+ " the app patients recommend first\"."
								: "With only stretch goals nothing is promised: commit to what must happen this cycle"
										+ " (scored against 1.0), e.g. \"Keep patient registration reliable\".")
					.withVariant(committed ? "committed" : "aspirational")
					.withArgs(all));
			}
		});
	}
}
