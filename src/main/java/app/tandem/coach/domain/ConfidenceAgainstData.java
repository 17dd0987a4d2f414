package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/**
 * OKR-011 (Tandem's own, beyond SPEC's list): the owner's latest confidence and the forecast from the check-ins
 * disagree: 7 or more of 10 while the line misses, or 3 or less while it is on pace. The okr module decides
 * the disagreement (it owns the forecast); this rule makes it a finding, so the coach page lists it for the weekly
 * meeting beside the other findings.
 */
public final class ConfidenceAgainstData implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-011";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.INFO;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		for (KeyResultSnapshot kr : objective.keyResults()) {
			if (kr.confidenceNote() != null) {
				findings.add(finding(Finding.SubjectType.KEY_RESULT, kr.id(),
						"Key result " + Words.quoted(kr.title()) + ": " + kr.confidenceNote(),
						"Raise it at the next check-in: a step the data cannot show yet, or a confidence behind the"
								+ " data? Update the confidence, or write down what will turn the trend.")
					.withArgs(Words.text(kr.title()), new Finding.Sentence(kr.confidenceNote())));
			}
		}
	}
}
