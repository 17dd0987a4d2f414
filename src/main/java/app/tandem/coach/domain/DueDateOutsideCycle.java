package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/** OKR-005: a key result due before its cycle starts or after it ends. */
public final class DueDateOutsideCycle implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-005";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		if (objective.cycleStart() == null || objective.cycleEnd() == null) {
			return;
		}
		for (KeyResultSnapshot kr : objective.keyResults()) {
			if (kr.due() == null) {
				continue;
			}
			boolean before = kr.due().isBefore(objective.cycleStart());
			boolean after = kr.due().isAfter(objective.cycleEnd());
			String where = before ? "before its cycle starts (" + objective.cycleStart() + ")"
					: after ? "after its cycle ends (" + objective.cycleEnd() + ")" : null;
			if (where != null) {
				findings.add(finding(Finding.SubjectType.KEY_RESULT, kr.id(),
						"Key result " + Words.quoted(kr.title()) + " is due " + kr.due() + ", " + where,
						"Key results are time-bound by their cycle: move the due date into it (by default it is the"
								+ " cycle's last day), or carry the key result into the cycle where it will be done.")
					.withVariant(before ? "beforeStart" : "afterEnd")
					.withArgs(Words.text(kr.title()), kr.due(), before ? objective.cycleStart() : objective.cycleEnd()));
			}
		}
	}
}
