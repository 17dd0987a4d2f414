package app.tandem.okr.persistence;

import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.RowMapper;

/** Row mappers shared by the stores. */
final class OkrRows {

	static final RowMapper<CycleRow> CYCLE = (rs, i) -> new CycleRow(Sql.uuid(rs, "id"), rs.getString("name"),
			Sql.date(rs, "start_date"), Sql.date(rs, "end_date"), Sql.instant(rs, "closed_at"),
			Sql.instant(rs, "created_at"), rs.getLong("version"));

	static final RowMapper<ObjectiveRow> OBJECTIVE = (rs, i) -> new ObjectiveRow(Sql.uuid(rs, "id"),
			Sql.uuid(rs, "cycle_id"), rs.getString("slug"), rs.getString("title"), rs.getString("description"),
			Level.valueOf(rs.getString("level")), Sql.uuid(rs, "team_id"), Sql.uuid(rs, "owner_id"),
			Sql.uuid(rs, "parent_id"), Sql.uuid(rs, "parent_key_result_id"), ObjectiveType.valueOf(rs.getString("type")),
			Visibility.valueOf(rs.getString("visibility")), rs.getString("retrospective"),
			Sql.uuid(rs, "carried_from_id"), Sql.dbl(rs, "final_score"), Sql.instant(rs, "created_at"),
			rs.getLong("version"));

	static final RowMapper<KeyResultRow> KEY_RESULT = (rs, i) -> new KeyResultRow(Sql.uuid(rs, "id"),
			Sql.uuid(rs, "objective_id"), rs.getInt("position"), rs.getString("title"),
			KeyResultType.valueOf(rs.getString("type")), rs.getString("unit"), rs.getDouble("weight"),
			Sql.uuid(rs, "owner_id"), Sql.date(rs, "due_date"), Sql.dbl(rs, "start_value"), Sql.dbl(rs, "target_value"),
			Sql.dbl(rs, "min_value"), Sql.dbl(rs, "max_value"), Sql.uuid(rs, "kpi_id"), Sql.dbl(rs, "grade"),
			rs.getString("grade_note"), Sql.dbl(rs, "final_score"), Sql.uuid(rs, "carried_from_id"),
			Sql.dbl(rs, "current_value"), Sql.bool(rs, "current_achieved"), Sql.integer(rs, "current_confidence"),
			Sql.instant(rs, "last_check_in_at"),
			rs.getInt("check_in_count"), rs.getInt("in_range_count"), Sql.instant(rs, "created_at"),
			rs.getLong("version"));

	static final RowMapper<CheckInRow> CHECK_IN = (rs, i) -> new CheckInRow(Sql.uuid(rs, "id"),
			Sql.uuid(rs, "key_result_id"), Sql.instant(rs, "at"), Sql.dbl(rs, "amount"), Sql.bool(rs, "achieved"),
			Sql.integer(rs, "confidence"), rs.getString("note"), Sql.uuid(rs, "author_id"), rs.getString("source"),
			Sql.instant(rs, "created_at"));

	static final RowMapper<KeyResultChangeRow> CHANGE = (rs, i) -> new KeyResultChangeRow(Sql.uuid(rs, "id"),
			Sql.uuid(rs, "key_result_id"), Sql.instant(rs, "at"), Sql.uuid(rs, "author_id"), rs.getString("kind"),
			rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"));

	private OkrRows() {
	}
}
