package app.tandem.okr.web;

import java.util.Map;
import java.util.Objects;

import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.shared.Magnitudes;

/**
 * A key result's edit form as typed. Its kind stays (a new kind is a new key result); the values the kind needs are
 * required, and a change of target or due date once the cycle runs needs a reason, which the history keeps.
 */
record KeyResultEdit(String title, String unit, String weight, String startValue, String targetValue, String minValue,
		String maxValue, String dueDate, String ownerId, String kpiId, String reason, Long version) {

	static KeyResultEdit of(OkrViews.KeyResultView kr) {
		return new KeyResultEdit(kr.title(), FormValues.text(kr.unit()), FormValues.text(kr.weight()), FormValues.text(kr.startValue()),
				FormValues.text(kr.targetValue()), FormValues.text(kr.minValue()), FormValues.text(kr.maxValue()),
				FormValues.text(kr.dueDate()), FormValues.text(kr.ownerId()), FormValues.text(kr.kpiId()), "",
				kr.version());
	}

	/**
	 * The change, or null with the problems in {@code errors} by field; the service checks the rest. The owner is
	 * sent only when another person was chosen (a key result always has one), the KPI only when the choice changed.
	 */
	OkrCommands.UpdateKeyResult command(OkrViews.KeyResultView current, Map<String, String> errors) {
		KeyResultType type = current.type();
		FormValues.title(title, "Say what will be true.", errors);
		Double start = null;
		Double target = null;
		Double min = null;
		Double max = null;
		if (type.hasStartAndTarget()) {
			start = FormValues.requiredNumber(startValue, "startValue", errors);
			target = FormValues.requiredNumber(targetValue, "targetValue", errors);
		}
		else if (type == KeyResultType.THRESHOLD) {
			min = FormValues.requiredNumber(minValue, "minValue", errors);
			max = FormValues.requiredNumber(maxValue, "maxValue", errors);
		}
		Double w = FormValues.requiredNumber(weight, "weight", errors);
		if (w != null && !(w > 0 && w <= Magnitudes.MAX_WEIGHT)) {
			errors.put("weight", "Give a weight above 0 and at most 100, such as 1 or 2.");
		}
		var due = FormValues.date(dueDate, "dueDate", errors);
		if (unit != null && unit.length() > 50) {
			errors.put("unit", "Keep the unit under 50 characters.");
		}
		if (reason != null && reason.length() > 2000) {
			errors.put("reason", "Keep the reason under 2,000 characters.");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		String owner = FormValues.blankToNull(ownerId);
		// a KPI is sent only when the choice changed ("" unlinks); a form without the field changes nothing
		String kpiChange = kpiId == null || kpiId.strip().equals(FormValues.text(current.kpiId())) ? null : kpiId.strip();
		return new OkrCommands.UpdateKeyResult(title.strip(), unit == null ? "" : unit.strip(), w,
				Objects.equals(owner, current.ownerId()) ? null : owner, due, start, target, min, max, kpiChange, null,
				null, FormValues.blankToNull(reason), version);
	}
}
