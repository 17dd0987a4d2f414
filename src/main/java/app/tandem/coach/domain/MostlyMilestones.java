package app.tandem.coach.domain;

import java.util.List;

import app.tandem.okr.domain.KeyResultType;
import app.tandem.shared.Finding;

/** OKR-006: more than half (the threshold) of an objective's key results are milestones: activities, not outcomes. */
public final class MostlyMilestones implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-006";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		int count = objective.keyResults().size();
		long milestones = objective.keyResults().stream().filter(kr -> kr.type() == KeyResultType.MILESTONE).count();
		if (count > 0 && milestones > context.thresholds().maxMilestoneShare() * count) {
			findings.add(finding(Finding.SubjectType.OBJECTIVE, objective.id(),
					milestones + " of " + count + " key results of " + Words.quoted(objective.title())
							+ " are milestones: activities, not outcomes",
					"Ask what the activity should change, and measure that: \"Launch the new onboarding flow\""
							+ " → \"Raise day-7 activation from 40% to 55%\".")
				.withArgs(milestones, count, Words.text(objective.title())));
		}
	}
}
