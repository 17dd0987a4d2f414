package app.tandem.okr;

import java.util.Map;

import app.tandem.okr.domain.KeyResultType;
import app.tandem.shared.TypedNumbers;

/**
 * The check-in form as typed, so a refused one comes back with what the person wrote (the objective page and the
 * weekly check-in screen share it).
 *
 * @param value as typed; a decimal comma is read as a point ("12,5" in German); empty keeps the current value
 * @param achieved the milestone's box, which shows its current state: left as it is, the state stays
 * @param confidence as typed, 0 to 10, or empty
 */
public record CheckInForm(String value, boolean achieved, String confidence, String note) {

	public static final CheckInForm EMPTY = new CheckInForm("", false, "", "");

	static final int MAX_NOTE = 4000;

	/** The command, or null with the problems added to {@code errors} by field. */
	public OkrCommands.RecordCheckIn command(KeyResultType type, Map<String, String> errors) {
		Double number = null;
		if (type != KeyResultType.MILESTONE) {
			String typed = value == null ? "" : value.strip();
			// Left empty, the check-in keeps the current value and records confidence and note.
			if (!typed.isEmpty()) {
				number = TypedNumbers.decimal(typed);
				if (number == null) {
					errors.put("value", "Enter a number, such as 42 or 12.5.");
				}
			}
		}
		Integer level = null;
		if (confidence != null && !confidence.isBlank()) {
			try {
				level = Integer.valueOf(confidence.strip());
			}
			catch (NumberFormatException e) {
				level = -1;
			}
			if (level < 0 || level > 10) {
				errors.put("confidence", "Choose a confidence from 0 to 10.");
			}
		}
		if (note != null && note.length() > MAX_NOTE) {
			errors.put("note", "Keep the note under " + MAX_NOTE + " characters.");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new OkrCommands.RecordCheckIn(number, type == KeyResultType.MILESTONE ? achieved : null, level,
				note == null || note.isBlank() ? null : note.strip(), null);
	}
}
