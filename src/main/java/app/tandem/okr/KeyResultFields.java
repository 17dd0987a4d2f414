package app.tandem.okr;

import java.time.LocalDate;

import app.tandem.okr.persistence.KeyResultRow;

/** The definition fields whose changes are kept in a key result's history, by name. */
final class KeyResultFields {

	static final String TARGET = "targetValue";

	static final String START = "startValue";

	static final String MIN = "minValue";

	static final String MAX = "maxValue";

	static final String DUE = "dueDate";

	static final String WEIGHT = "weight";

	private KeyResultFields() {
	}

	static KeyResultRow withField(KeyResultRow r, String field, String value) {
		Double number = value == null || field.equals(DUE) ? null : Double.valueOf(value);
		return switch (field) {
			case TARGET -> copy(r, r.startValue(), number, r.minValue(), r.maxValue(), r.dueDate(), r.weight());
			case START -> copy(r, number, r.targetValue(), r.minValue(), r.maxValue(), r.dueDate(), r.weight());
			case MIN -> copy(r, r.startValue(), r.targetValue(), number, r.maxValue(), r.dueDate(), r.weight());
			case MAX -> copy(r, r.startValue(), r.targetValue(), r.minValue(), number, r.dueDate(), r.weight());
			case DUE -> copy(r, r.startValue(), r.targetValue(), r.minValue(), r.maxValue(), LocalDate.parse(value),
					r.weight());
			case WEIGHT -> copy(r, r.startValue(), r.targetValue(), r.minValue(), r.maxValue(), r.dueDate(), number);
			default -> r;
		};
	}

	private static KeyResultRow copy(KeyResultRow r, Double start, Double target, Double min, Double max,
			LocalDate due, double weight) {
		return new KeyResultRow(r.id(), r.objectiveId(), r.position(), r.title(), r.type(), r.unit(), weight,
				r.ownerId(), due, start, target, min, max, r.kpiId(), r.grade(), r.gradeNote(), r.finalScore(),
				r.carriedFromId(), r.currentValue(), r.currentAchieved(), r.currentConfidence(), r.lastCheckInAt(),
				r.cycleCheckIns(), r.inRangeCheckIns(), r.fit(), r.createdAt(), r.version());
	}
}
