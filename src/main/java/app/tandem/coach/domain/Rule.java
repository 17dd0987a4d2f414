package app.tandem.coach.domain;

import app.tandem.shared.Finding;

/** One rule of SPEC §1 Coach: its id and severity. What it judges is in the interfaces that extend it. */
public interface Rule {

	String id();

	Finding.Severity severity();

	/** A finding of this rule. */
	default Finding finding(Finding.SubjectType type, String subjectId, String message, String hint) {
		return new Finding(id(), severity(), type, subjectId, message, hint);
	}
}
