package app.tandem.okr.persistence;

import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;
import app.tandem.shared.Sql;
import app.tandem.shared.math.RunningFit;
import org.springframework.jdbc.core.RowMapper;

/** Row mappers shared by the stores. */
final class OkrRows {

	static final RowMapper<CycleRow> CYCLE = (rs, i) -> new CycleRow(Sql.uuid(rs, "id"), rs.getString("name"),
			Sql.date(rs, "start_date"), Sql.date(rs, "end_date"), Sql.instant(rs, "closed_at"),
			Sql.instant(rs, "created_at"), rs.getLong("version"));

	/** Objective columns in the order {@link #OBJECTIVE} reads them (by index: cheaper than by name per row). */
	static final String OBJECTIVE_COLUMNS = "id, cycle_id, slug, title, description, level, team_id, owner_id, parent_id, "
			+ "parent_key_result_id, type, visibility, retrospective, carried_from_id, final_score, created_at, version, draft, "
			+ "archived_at";

	/** The same columns of the objective table aliased {@code o}, for a join. */
	static final String OBJECTIVE_COLUMNS_OF_O = "o." + String.join(", o.", OBJECTIVE_COLUMNS.split(", "));

	static final RowMapper<ObjectiveRow> OBJECTIVE = (rs, i) -> new ObjectiveRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2),
			rs.getString(3), rs.getString(4), rs.getString(5), Level.valueOf(rs.getString(6)), Sql.uuid(rs, 7),
			Sql.uuid(rs, 8), Sql.uuid(rs, 9), Sql.uuid(rs, 10), ObjectiveType.valueOf(rs.getString(11)),
			Visibility.valueOf(rs.getString(12)), rs.getString(13), Sql.uuid(rs, 14), Sql.dbl(rs, 15),
			Sql.instant(rs, 16), rs.getLong(17), rs.getBoolean(18), Sql.instant(rs, 19));

	/** Key result columns in the order {@link #KEY_RESULT} reads them. */
	static final String KEY_RESULT_COLUMNS = "id, objective_id, position, title, type, unit, weight, owner_id, due_date, "
			+ "start_value, target_value, min_value, max_value, kpi_id, grade, grade_note, final_score, carried_from_id, "
			+ "current_value, current_achieved, current_confidence, last_check_in_at, check_in_count, in_range_count, "
			+ "created_at, version, fit_n, fit_mean_x, fit_mean_y, fit_sxx, fit_sxy, fit_syy, fit_sse, fit_min_x, fit_max_x";

	static final RowMapper<KeyResultRow> KEY_RESULT = (rs, i) -> new KeyResultRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2),
			rs.getInt(3), rs.getString(4), KeyResultType.valueOf(rs.getString(5)), rs.getString(6), rs.getDouble(7),
			Sql.uuid(rs, 8), Sql.date(rs, 9), Sql.dbl(rs, 10), Sql.dbl(rs, 11), Sql.dbl(rs, 12), Sql.dbl(rs, 13),
			Sql.uuid(rs, 14), Sql.dbl(rs, 15), rs.getString(16), Sql.dbl(rs, 17), Sql.uuid(rs, 18), Sql.dbl(rs, 19),
			Sql.bool(rs, 20), Sql.integer(rs, 21), Sql.instant(rs, 22), rs.getInt(23), rs.getInt(24), fit(rs, 27),
			Sql.instant(rs, 25), rs.getLong(26));

	/** The nine fit_* columns from {@code first} on, or null when the line was never computed (fit_n null). */
	static RunningFit fit(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
		Integer n = Sql.integer(rs, first);
		if (n == null) {
			return null;
		}
		Double min = Sql.dbl(rs, first + 7);
		Double max = Sql.dbl(rs, first + 8);
		return new RunningFit(n, rs.getDouble(first + 1), rs.getDouble(first + 2), rs.getDouble(first + 3),
				rs.getDouble(first + 4), rs.getDouble(first + 5), rs.getDouble(first + 6),
				min == null ? Double.NaN : min, max == null ? Double.NaN : max);
	}

	/** Just what scoring needs (the dashboard's 40,000-row read): the other fields stay empty. */
	static final String SCORING_COLUMNS = "k.id, k.objective_id, k.type, k.weight, k.due_date, k.start_value, "
			+ "k.target_value, k.min_value, k.max_value, k.grade, k.final_score, k.current_value, k.current_achieved, "
			+ "k.check_in_count, k.in_range_count";

	static final RowMapper<KeyResultRow> SCORING = (rs, i) -> new KeyResultRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2), 0,
			null, KeyResultType.valueOf(rs.getString(3)), null, rs.getDouble(4), null, Sql.date(rs, 5), Sql.dbl(rs, 6),
			Sql.dbl(rs, 7), Sql.dbl(rs, 8), Sql.dbl(rs, 9), null, Sql.dbl(rs, 10), null, Sql.dbl(rs, 11), null,
			Sql.dbl(rs, 12), Sql.bool(rs, 13), null, null, rs.getInt(14), rs.getInt(15), null, null, 0);

	/** The key result columns of a join, prefixed with the key result's alias. */
	static String keyResultColumns(String alias) {
		return java.util.Arrays.stream(KEY_RESULT_COLUMNS.split(", "))
			.map(c -> alias + "." + c)
			.collect(java.util.stream.Collectors.joining(", "));
	}

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
