package app.tandem.coach.domain;

import java.util.List;

import app.tandem.okr.domain.Level;
import app.tandem.shared.Finding;

/** OKR-008: a team or individual objective aligned to no objective (or key result) above or across. */
public final class UnalignedObjective implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-008";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.INFO;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		if ((objective.level() == Level.TEAM || objective.level() == Level.INDIVIDUAL) && objective.parentId() == null) {
			findings.add(finding(Finding.SubjectType.OBJECTIVE, objective.id(),
					(objective.level() == Level.TEAM ? "Team" : "Individual") + " objective "
							+ Words.quoted(objective.title()) + " is aligned to nothing",
					"Align it to the objective (or key result) it contributes to, so that everyone sees why it"
							+ " matters; if it truly stands alone, say why in its description.")
				.withVariant(objective.level() == Level.TEAM ? "team" : "individual")
				.withArgs(Words.text(objective.title())));
		}
	}
}
