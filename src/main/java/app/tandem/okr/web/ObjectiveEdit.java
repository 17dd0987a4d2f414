package app.tandem.okr.web;

import java.util.Map;
import java.util.Objects;

import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;

/** An objective's edit form as typed; {@code version} is the one the person saw, so a later change is not lost. */
record ObjectiveEdit(String title, String description, String level, String type, String teamId, String ownerId,
		String parentId, String visibility, Long version) {

	static ObjectiveEdit of(OkrViews.ObjectiveView o) {
		return new ObjectiveEdit(o.title(), FormValues.text(o.description()), o.level().name(), o.type().name(),
				FormValues.text(o.teamId()), FormValues.text(o.ownerId()), FormValues.text(o.parentId()), o.visibility().name(),
				o.version());
	}

	/**
	 * The change, or null with the problems in {@code errors} by field. Team, owner and alignment are sent only when
	 * they changed ({@code ""} clears them), so an alignment to a parent's key result survives an edit of the title.
	 */
	OkrCommands.UpdateObjective command(OkrViews.ObjectiveView current, Map<String, String> errors) {
		FormValues.title(title, "Say what you want to achieve.", errors);
		Level lvl = FormValues.choice(Level.class, level, "level", errors);
		ObjectiveType kind = FormValues.choice(ObjectiveType.class, type, "type", errors);
		Visibility seen = FormValues.choice(Visibility.class, visibility, "visibility", errors);
		if (description != null && description.length() > 10_000) {
			errors.put("description", "Keep the description under 10,000 characters.");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new OkrCommands.UpdateObjective(title.strip(), description == null ? "" : description.strip(), lvl,
				changed(teamId, current.teamId()), changed(ownerId, current.ownerId()),
				changed(parentId, current.parentId()), null, kind, seen, null, version);
	}

	private static String changed(String typed, String current) {
		String now = typed == null ? "" : typed.strip();
		return Objects.equals(now, FormValues.text(current)) ? null : now;
	}
}
