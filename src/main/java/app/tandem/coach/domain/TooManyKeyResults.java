package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/** OKR-003: more key results than the threshold (5). */
public final class TooManyKeyResults implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-003";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		int count = objective.keyResults().size();
		int max = context.thresholds().maxKeyResults();
		if (count > max) {
			findings.add(finding(Finding.SubjectType.OBJECTIVE, objective.id(),
					"Objective " + Words.quoted(objective.title()) + " has " + count + " key results (more than "
							+ max + ")",
					"Keep the " + context.thresholds().minKeyResults() + " to " + max + " that best show the objective is met; track"
							+ " the others as KPIs, or move them to an objective of their own.")
				.withArgs(Words.text(objective.title()), count, max, context.thresholds().minKeyResults()));
		}
	}
}
