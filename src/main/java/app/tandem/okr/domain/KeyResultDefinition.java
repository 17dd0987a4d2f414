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
					problems.add(new String[] { "startValue", "is required for " + type });
				}
				if (targetValue == null) {
					problems.add(new String[] { "targetValue", "is required for " + type });
				}
				if (startValue != null && targetValue != null) {
					// Compared as numbers: Double.equals tells 0.0 from -0.0, and NaN satisfies no order.
					if (startValue.doubleValue() == targetValue.doubleValue()) {
						problems.add(new String[] { "targetValue", "must differ from startValue" });
					}
					else if (type == KeyResultType.INCREASE && !(startValue < targetValue)) {
						problems.add(new String[] { "targetValue", "must be above startValue for INCREASE" });
					}
					else if (type == KeyResultType.DECREASE && !(startValue > targetValue)) {
						problems.add(new String[] { "targetValue", "must be below startValue for DECREASE" });
					}
				}
			}
			case THRESHOLD -> {
				if (minValue == null) {
					problems.add(new String[] { "minValue", "is required for THRESHOLD" });
				}
				if (maxValue == null) {
					problems.add(new String[] { "maxValue", "is required for THRESHOLD" });
				}
				if (minValue != null && maxValue != null && !(minValue <= maxValue)) {
					problems.add(new String[] { "maxValue", "must not be below minValue" });
				}
			}
			case MILESTONE, BASELINE -> {
			}
		}
		return problems;
	}
}
