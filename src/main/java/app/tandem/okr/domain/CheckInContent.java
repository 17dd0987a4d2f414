package app.tandem.okr.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check-in may carry (SPEC §1, check-ins). A check-in changes only what it carries, so a value (or, for a
 * milestone, {@code achieved}) is optional when it carries a confidence or a note; one that carries nothing says
 * nothing and is refused. Confidence is a whole number from 0 to 10.
 */
public final class CheckInContent {

	public static final int MAX_CONFIDENCE = 10;

	private CheckInContent() {
	}

	/** The rules as field → message pairs (empty when the check-in may be recorded). */
	public static List<String[]> problems(KeyResultType type, Double value, Boolean achieved, Integer confidence,
			String note) {
		List<String[]> problems = new ArrayList<>();
		if (confidence != null && (confidence < 0 || confidence > MAX_CONFIDENCE)) {
			problems.add(new String[] { "confidence", "must be a whole number from 0 to 10" });
		}
		boolean carriesState = value != null || (type == KeyResultType.MILESTONE && achieved != null);
		boolean carriesWords = confidence != null || (note != null && !note.isBlank());
		if (!carriesState && !carriesWords) {
			problems.add(type == KeyResultType.MILESTONE
					? new String[] { "achieved", "is required unless the check-in carries a confidence or a note" }
					: new String[] { "value", "is required unless the check-in carries a confidence or a note" });
		}
		return problems;
	}
}
