package app.tandem.coach.domain;

import java.util.ArrayList;
import java.util.List;

import app.tandem.shared.Finding;

/**
 * OKR-004: a key result that cannot be measured as written. INCREASE and DECREASE need a start and
 * a target that differ, in their direction; THRESHOLD needs min ≤ max. MILESTONE (achieved or not)
 * and BASELINE (a first value is the result) have nothing to measure against, and are not flagged
 * here (milestones are OKR-006's concern).
 */
public final class UnmeasurableKeyResult implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-004";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.ERROR;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		for (KeyResultSnapshot kr : objective.keyResults()) {
			check(kr, findings);
		}
	}

	private void check(KeyResultSnapshot kr, List<Finding> findings) {
		if (kr.type() == null) {
			return;
		}
		switch (kr.type()) {
			case INCREASE, DECREASE -> {
				List<String> missing = new ArrayList<>();
				if (kr.start() == null) {
					missing.add("start value");
				}
				if (kr.target() == null) {
					missing.add("target");
				}
				boolean up = kr.type() == app.tandem.okr.domain.KeyResultType.INCREASE;
				String direction = up ? "increase" : "decrease";
				if (!missing.isEmpty()) {
					add(findings, kr, subject(kr) + " (" + kr.type() + ") has no " + String.join(" and no ", missing),
							"Say where you stand today and where you want to be: \"Raise day-7 activation from 40% to"
									+ " 55%\" is an INCREASE with start 40 and target 55.",
							"missing." + (missing.size() == 2 ? "startAndTarget" : kr.start() == null ? "start" : "target"),
							kr.type());
				}
				else if (kr.start().doubleValue() == kr.target().doubleValue()) {
					add(findings, kr, subject(kr) + " starts at its target (" + Words.number(kr.target())
							+ "): there is nothing to move",
							"Set the target you want to reach (" + (up ? "above" : "below") + " the start); to hold a"
									+ " level, make it a THRESHOLD key result with min and max, e.g. keep uptime"
									+ " between 99.5 and 100.",
							"atTarget." + direction, kr.target());
				}
				else if (up != kr.start() < kr.target()) {
					add(findings, kr, subject(kr) + " is " + (up ? "an INCREASE" : "a DECREASE") + " but its target "
							+ Words.number(kr.target()) + " is " + (up ? "below" : "above") + " its start "
							+ Words.number(kr.start()),
							"Make it " + (up ? "a DECREASE" : "an INCREASE") + ", or swap start and target.",
							"wrongWay." + direction, kr.target(), kr.start());
				}
			}
			case THRESHOLD -> {
				if (kr.min() == null || kr.max() == null) {
					String none = kr.min() == null && kr.max() == null ? "minAndMax" : kr.min() == null ? "min" : "max";
					add(findings, kr, subject(kr) + " (THRESHOLD) has no " + (kr.min() == null && kr.max() == null
							? "min and no max" : kr.min() == null ? "min" : "max"),
							"A THRESHOLD key result keeps a value between min and max: give both, e.g. min 95 and"
									+ " max 100 for \"Answer 95% of tickets the same day\".",
							"threshold." + none);
				}
				else if (kr.min() > kr.max()) {
					add(findings, kr, subject(kr) + " has min " + Words.number(kr.min()) + " above max "
							+ Words.number(kr.max()) + ": no value can be in range", "Swap min and max.", "minAboveMax",
							kr.min(), kr.max());
				}
			}
			case MILESTONE, BASELINE -> {
			}
		}
	}

	private static String subject(KeyResultSnapshot kr) {
		return "Key result " + Words.quoted(kr.title());
	}

	/** @param args what the wording is filled with after the key result's title */
	private void add(List<Finding> findings, KeyResultSnapshot kr, String message, String hint, String variant,
			Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = Words.text(kr.title());
		System.arraycopy(args, 0, all, 1, args.length);
		findings.add(finding(Finding.SubjectType.KEY_RESULT, kr.id(), message, hint).withVariant(variant)
			.withArgs(all));
	}
}
