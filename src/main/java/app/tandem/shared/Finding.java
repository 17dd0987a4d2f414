package app.tandem.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What the coach says about how an objective, key result, KPI, cycle or team is written (SPEC §1
 * Coach): the rule it breaks, how much that matters, and how to fix it. Here because objectives
 * and KPIs carry their own findings while the coach, which computes them, is built on both.
 * <p>
 * {@code message} and {@code hint} are the English the API and {@code lint} answer. Pages word the
 * same finding in their own language from the message bundle {@code messages-findings}: the key
 * {@code finding.<ruleId>[.<variant>].message} (and {@code .hint}) filled with {@code args}. Neither
 * is part of the API's answer.
 *
 * @param ruleId the rule, such as {@code OKR-001}
 * @param subjectId the id of the subject (in a linted file: its key, name or path)
 * @param hint how to fix it, often with an example
 * @param variant which of its rule's wordings the finding takes (OKR-010 "committed" or "aspirational"),
 * or null where the rule has one
 * @param args what the wording is filled with: titles, counts, values (numbers), dates ({@code LocalDate}),
 * enum constants and {@link Sentence}s
 */
@JsonSerialize(using = FindingJson.class)
public record Finding(String ruleId, Severity severity, SubjectType subjectType, String subjectId, String message,
		String hint, @JsonIgnore String variant, @JsonIgnore List<Object> args) {

	public Finding {
		// a copy that takes a null: a wording's mistake must never cost the API its answer
		args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
	}

	/** A finding in English only: pages show its message and hint as they are. */
	public Finding(String ruleId, Severity severity, SubjectType subjectType, String subjectId, String message,
			String hint) {
		this(ruleId, severity, subjectType, subjectId, message, hint, null, List.of());
	}

	/** This finding in the given wording of its rule. */
	public Finding withVariant(String variant) {
		return new Finding(ruleId, severity, subjectType, subjectId, message, hint, variant, args);
	}

	/** This finding with what its wording is filled with. */
	public Finding withArgs(Object... args) {
		return new Finding(ruleId, severity, subjectType, subjectId, message, hint, variant, Arrays.asList(args));
	}

	/**
	 * An argument that is itself one of the domain's English sentences, such as the note of how an owner's
	 * confidence and the forecast disagree: pages show it in their language where they know it.
	 */
	public record Sentence(String english) {

		@Override
		public String toString() {
			return english;
		}
	}

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

	/** {@link #ORDER} within one severity and kind of subject, written out: the coach sorts tens of thousands. */
	private static final Comparator<Finding> BY_SUBJECT_AND_RULE = (a, b) -> {
		String x = a.subjectId;
		String y = b.subjectId;
		if (x != y) {
			if (x == null || y == null) {
				return x == null ? -1 : 1;
			}
			int bySubject = x.compareTo(y);
			if (bySubject != 0) {
				return bySubject;
			}
		}
		return a.ruleId.compareTo(b.ruleId);
	};

	/**
	 * The findings in {@link #ORDER}, as {@code findings.sort(ORDER)} would leave them (both are stable), but in
	 * about a third of the time for a cycle's worth: split by severity and kind of subject first, each part comes
	 * nearly sorted already, as the rules go through the subjects in the order they were created.
	 */
	public static List<Finding> inOrder(List<Finding> findings) {
		return inOrder(findings, Integer.MAX_VALUE);
	}

	/** The first {@code limit} findings of {@link #inOrder(List)}: only the parts they come from are sorted. */
	public static List<Finding> inOrder(List<Finding> findings, int limit) {
		int kinds = SubjectType.values().length;
		List<List<Finding>> parts = new ArrayList<>(Severity.values().length * kinds);
		for (int i = 0; i < Severity.values().length * kinds; i++) {
			parts.add(new ArrayList<>());
		}
		for (Finding finding : findings) {
			parts.get(finding.severity.ordinal() * kinds + finding.subjectType.ordinal()).add(finding);
		}
		List<Finding> ordered = new ArrayList<>(Math.min(findings.size(), limit));
		for (List<Finding> part : parts) {
			if (ordered.size() >= limit) {
				break;
			}
			part.sort(BY_SUBJECT_AND_RULE);
			ordered.addAll(part);
		}
		return ordered.size() > limit ? ordered.subList(0, limit) : ordered;
	}
}
