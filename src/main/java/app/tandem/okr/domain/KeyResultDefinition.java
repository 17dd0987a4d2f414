package app.tandem.okr.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.tandem.shared.Magnitudes;

/** What a key result measures and by when: the values its type needs, its weight and due date. */
public record KeyResultDefinition(KeyResultType type, Double startValue, Double targetValue, Double minValue,
		Double maxValue, double weight, LocalDate dueDate) {

	/** The rules of SPEC §1 on a definition, as field → message pairs (empty when valid). */
	public List<String[]> problems() {
		List<String[]> problems = new ArrayList<>();
		if (!(weight > 0 && weight <= Magnitudes.MAX_WEIGHT)) {
			problems.add(new String[] { "weight", "must be more than 0 and at most 100" });
		}
		switch (type) {
			case INCREASE, DECREASE -> {
				if (startValue == null) {
					problems.add(new String[] { "startValue", "is required for a key result that " + moves(type) });
				}
				if (targetValue == null) {
					problems.add(new String[] { "targetValue", "is required for a key result that " + moves(type) });
				}
				if (startValue != null && targetValue != null) {
					// Compared as numbers: Double.equals tells 0.0 from -0.0, and NaN satisfies no order.
					if (startValue.doubleValue() == targetValue.doubleValue()) {
						problems.add(new String[] { "targetValue", "must differ from the start value" });
					}
					else if (type == KeyResultType.INCREASE && !(startValue < targetValue)) {
						problems.add(new String[] { "targetValue", "must be above the start value: the key result increases" });
					}
					else if (type == KeyResultType.DECREASE && !(startValue > targetValue)) {
						problems.add(new String[] { "targetValue", "must be below the start value: the key result decreases" });
					}
				}
			}
			case THRESHOLD -> {
				if (minValue == null) {
					problems.add(new String[] { "minValue", "is required to keep a value within a range" });
				}
				if (maxValue == null) {
					problems.add(new String[] { "maxValue", "is required to keep a value within a range" });
				}
				if (minValue != null && maxValue != null && !(minValue <= maxValue)) {
					problems.add(new String[] { "maxValue", "must not be below the minimum" });
				}
			}
			case MILESTONE, BASELINE -> {
			}
		}
		return problems;
	}

	/** What a key result of this kind does, in words: messages name no kind in capitals. */
	private static String moves(KeyResultType type) {
		return type == KeyResultType.INCREASE ? "increases" : "decreases";
	}
}
