package app.tandem.coach.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.shared.Finding;

/** OKR-009: an objective's title holds a number (any digit: "33%", "#1", "2026"); numbers belong in key results. */
public final class NumberInTitle implements ObjectiveRule {

	private static final Pattern NUMBER = Pattern.compile("#?\\p{Nd}(?:[\\p{Nd},.]*\\p{Nd})?\\s?%?");

	@Override
	public String id() {
		return "OKR-009";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.INFO;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		if (objective.title() == null || objective.title().codePoints().noneMatch(Character::isDigit)) {
			return; // most titles: no need to run the pattern over them
		}
		Matcher number = NUMBER.matcher(objective.title());
		if (number.find()) {
			findings.add(finding(Finding.SubjectType.OBJECTIVE, objective.id(),
					"Objective " + Words.quoted(objective.title()) + " holds a number (" + number.group().strip()
							+ "): numbers belong in key results",
					"Keep the objective qualitative and move the number into a key result: \"Increase social media"
							+ " presence by 33%\" → objective \"Be part of our patients' conversations\" with key result"
							+ " \"Grow followers from 12,000 to 16,000\".")
				.withArgs(objective.title(), number.group().strip()));
		}
	}
}
