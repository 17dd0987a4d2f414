package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/** OKR-001: an objective without key results has nothing that says when it is met. */
public final class ObjectiveWithoutKeyResults implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-001";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.ERROR;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		if (objective.keyResults().isEmpty()) {
			CoachThresholds t = context.thresholds();
			findings.add(finding(Finding.SubjectType.OBJECTIVE, objective.id(),
					"Objective " + Words.quoted(objective.title()) + " has no key results: nothing says when it is met",
					"Add " + t.minKeyResults() + " to " + t.maxKeyResults()
							+ " key results that measure the outcome, e.g. \"Raise day-7 activation from 40% to 55%\""
							+ " or \"Cut checkout abandonment from 70% to 55%\".")
				.withArgs(Words.text(objective.title()), t.minKeyResults(), t.maxKeyResults()));
		}
	}
}
