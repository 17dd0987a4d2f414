package app.tandem.shared;

import java.util.Comparator;

/**
 * What the coach says about how an objective, key result, KPI, cycle or team is written (SPEC §1
 * Coach): the rule it breaks, how much that matters, and how to fix it. Here because objectives
 * and KPIs carry their own findings while the coach, which computes them, is built on both.
 *
 * @param ruleId the rule, such as {@code OKR-001}
 * @param subjectId the id of the subject (in a linted file: its key, name or path)
 * @param hint how to fix it, often with an example
 */
public record Finding(String ruleId, Severity severity, SubjectType subjectType, String subjectId, String message,
		String hint) {

	/** Most severe first. */
	public enum Severity {
		ERROR, WARNING, INFO
	}

	public enum SubjectType {
		CYCLE, TEAM, OBJECTIVE, KEY_RESULT, KPI
	}

	/** By severity, then by subject (its kind, then its id), then by rule. */
	public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
		.thenComparing(Finding::subjectType)
		.thenComparing(Finding::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Finding::ruleId);
}
