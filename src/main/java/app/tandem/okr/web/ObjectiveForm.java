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
		String parentId, String visibility, List<KeyResultRow> keyResults) {

	static final int ROWS = 5;

	/** A key-result row as typed. */
	record KeyResultRow(String title, String type, String unit, String startValue, String targetValue,
			String minValue, String maxValue, String dueDate) {

		static final KeyResultRow EMPTY = new KeyResultRow("", "INCREASE", "", "", "", "", "", "");

		boolean blank() {
			return title == null || title.isBlank();
		}
	}

	static ObjectiveForm empty(String cycleId, String teamId) {
		return new ObjectiveForm(cycleId, "", "", teamId == null ? "COMPANY" : "TEAM", "COMMITTED", teamId, "",
				"PUBLIC", List.of()).padded();
	}

	/** The same with empty rows up to {@link #ROWS}, for the page. */
	ObjectiveForm padded() {
		List<KeyResultRow> rows = new ArrayList<>();
		// rows the browser left out (all empty) come bound as gaps
		(keyResults == null ? List.<KeyResultRow>of() : keyResults).forEach(r -> rows.add(r == null ? KeyResultRow.EMPTY : r));
		while (rows.size() < ROWS) {
			rows.add(KeyResultRow.EMPTY);
		}
		return new ObjectiveForm(cycleId, title, description, level, type, teamId, parentId, visibility, rows);
	}

	/**
	 * The command, or null with the problems added to {@code errors} by field ({@code title},
	 * {@code keyResults[1].targetValue}, …): the service checks the rest (types, ranges, dates, rights) and
	 * answers with the same field names.
	 */
	OkrCommands.CreateObjective command(Map<String, String> errors) {
		if (title == null || title.isBlank()) {
			errors.put("title", "Say what you want to achieve.");
		}
		else if (title.length() > 500) {
			errors.put("title", "Keep the title under 500 characters.");
		}
		Level lvl = parse(Level.class, level, "level", errors);
		ObjectiveType kind = parse(ObjectiveType.class, type, "type", errors);
		Visibility seen = parse(Visibility.class, visibility, "visibility", errors);
		List<OkrCommands.CreateKeyResult> krs = new ArrayList<>();
		List<KeyResultRow> rows = keyResults == null ? List.of() : keyResults;
		int index = 0;
		for (KeyResultRow row : rows) {
			if (row == null || row.blank()) {
				continue;
			}
			String at = "keyResults[" + index + "].";
			KeyResultType krType = parse(KeyResultType.class, row.type(), at + "type", errors);
			krs.add(new OkrCommands.CreateKeyResult(row.title().strip(), krType, blankToNull(row.unit()), null, null,
					date(row.dueDate(), at + "dueDate", errors), number(row.startValue(), at + "startValue", errors),
					number(row.targetValue(), at + "targetValue", errors), number(row.minValue(), at + "minValue", errors),
					number(row.maxValue(), at + "maxValue", errors), null));
			index++;
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new OkrCommands.CreateObjective(cycleId, title.strip(), blankToNull(description), lvl,
				blankToNull(teamId), null, blankToNull(parentId), null, kind, seen, null, krs);
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

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "Choose one.");
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			errors.put(field, "Choose one of the list.");
			return null;
		}
	}

	private static Double number(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String text = typed.strip();
		try {
			double value = Double.parseDouble(text.indexOf('.') < 0 ? text.replace(',', '.') : text);
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// below
		}
		errors.put(field, "Enter a number, such as 42 or 12.5.");
		return null;
	}

	private static java.time.LocalDate date(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(typed.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.put(field, "Enter a date as YYYY-MM-DD.");
			return null;
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
