package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/** OKR-002: fewer key results than the threshold (2) but at least one (none is OKR-001). */
public final class TooFewKeyResults implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-002";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		int count = objective.keyResults().size();
		int min = context.thresholds().minKeyResults();
		if (count > 0 && count < min) {
			findings.add(finding(Finding.SubjectType.OBJECTIVE, objective.id(),
					"Objective " + Words.quoted(objective.title()) + " has only " + count + " key result"
							+ (count == 1 ? "" : "s") + " (fewer than " + min + ")",
					"One number rarely captures an objective and is easy to game: add a key result from another"
							+ " angle, quality beside quantity, e.g. next to \"Grow weekly active users from 8,000 to"
							+ " 12,000\" add \"Keep the crash-free session rate above 99.5%\".")
				.withArgs(Words.text(objective.title()), count, min));
		}
	}
}
