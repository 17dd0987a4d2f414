package app.tandem.okr.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.okr.OkrCommands;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;

/**
 * The new-objective form as typed (numbers as text, so a refused form comes back as it was), with up to
 * {@link #ROWS} key-result rows; rows left without a title are not key results.
 */
record ObjectiveForm(String cycleId, String title, String description, String level, String type, String teamId,
		String ownerId, String parentId, String visibility, List<KeyResultRow> keyResults) {

	static final int ROWS = 5;

	/**
	 * A key-result row as typed; a blank owner is the objective's owner, else the person creating it; {@code kpiId}:
	 * the KPI whose values check it in, or blank.
	 */
	record KeyResultRow(String title, String type, String unit, String startValue, String targetValue,
			String minValue, String maxValue, String dueDate, String ownerId, String kpiId) {

		static final KeyResultRow EMPTY = new KeyResultRow("", "INCREASE", "", "", "", "", "", "", "", "");

		boolean blank() {
			return title == null || title.isBlank();
		}

		/** The key result to create; problems are noted in {@code errors} under {@code at + field}. */
		OkrCommands.CreateKeyResult command(String at, Map<String, String> errors) {
			KeyResultType krType = FormValues.choice(KeyResultType.class, type, at + "type", errors);
			// most increases count up from nothing (customers won, features shipped): a blank start is 0, as the
			// field's placeholder says
			String start = krType == KeyResultType.INCREASE && (startValue == null || startValue.isBlank()) ? "0"
					: startValue;
			return new OkrCommands.CreateKeyResult(title == null ? null : title.strip(), krType,
					FormValues.blankToNull(unit), null, FormValues.blankToNull(ownerId),
					FormValues.date(dueDate, at + "dueDate", errors),
					FormValues.number(start, at + "startValue", errors),
					FormValues.number(targetValue, at + "targetValue", errors), FormValues.number(minValue, at + "minValue", errors),
					FormValues.number(maxValue, at + "maxValue", errors), FormValues.blankToNull(kpiId));
		}
	}

	/**
	 * A blank form, owned by the person filling it in unless they choose someone else (or nobody), aligned to
	 * {@code parentId} ("" for nothing).
	 */
	static ObjectiveForm empty(String cycleId, String teamId, String ownerId, String parentId) {
		return new ObjectiveForm(cycleId, "", "", teamId == null ? "COMPANY" : "TEAM", "COMMITTED", teamId, ownerId,
				parentId, "PUBLIC", List.of()).padded();
	}

	/** The same with empty rows up to {@link #ROWS}, for the page. */
	ObjectiveForm padded() {
		List<KeyResultRow> rows = new ArrayList<>();
		// rows the browser left out (all empty) come bound as gaps
		(keyResults == null ? List.<KeyResultRow>of() : keyResults).forEach(r -> rows.add(r == null ? KeyResultRow.EMPTY : r));
		while (rows.size() < ROWS) {
			rows.add(KeyResultRow.EMPTY);
		}
		return new ObjectiveForm(cycleId, title, description, level, type, teamId, ownerId, parentId, visibility, rows);
	}

	/**
	 * The command, or null with the problems added to {@code errors} by field ({@code title},
	 * {@code keyResults[1].targetValue}, …): the service checks the rest (types, ranges, dates, rights) and
	 * answers with the same field names.
	 */
	OkrCommands.CreateObjective command(Map<String, String> errors) {
		FormValues.title(title, "Say what you want to achieve.", errors);
		Level lvl = FormValues.choice(Level.class, level, "level", errors);
		ObjectiveType kind = FormValues.choice(ObjectiveType.class, type, "type", errors);
		Visibility seen = FormValues.choice(Visibility.class, visibility, "visibility", errors);
		List<OkrCommands.CreateKeyResult> krs = new ArrayList<>();
		List<KeyResultRow> rows = keyResults == null ? List.of() : keyResults;
		int index = 0;
		for (KeyResultRow row : rows) {
			if (row == null || row.blank()) {
				continue;
			}
			String at = "keyResults[" + index + "].";
			krs.add(row.command("keyResults[" + index + "].", errors));
			index++;
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new OkrCommands.CreateObjective(cycleId, title.strip(), FormValues.blankToNull(description), lvl,
				FormValues.blankToNull(teamId), FormValues.blankToNull(ownerId), FormValues.blankToNull(parentId), null,
				kind, seen, null, krs);
	}

	/**
	 * The form's rows keep their place on the page while the service numbers only the filled ones: the service's
	 * {@code keyResults[i]} is the i-th filled row.
	 */
	int rowOf(int filledIndex) {
		int filled = -1;
		for (int row = 0; row < keyResults.size(); row++) {
			if (keyResults.get(row) != null && !keyResults.get(row).blank() && ++filled == filledIndex) {
				return row;
			}
		}
		return -1;
	}
}
