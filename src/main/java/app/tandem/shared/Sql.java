package app.tandem.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Column conversions that behave the same on H2 and PostgreSQL. */
public final class Sql {

	/** Values per {@code in (…)} list: far below the 32,767 parameters PostgreSQL takes in one statement. */
	public static final int IN_LIST = 1000;

	private Sql() {
	}

	/**
	 * One query per {@link #IN_LIST} values, the answers in that order: a whole cycle's 40,000 key results would
	 * be too many parameters for PostgreSQL, and H2 takes long lists slowly. Rows a query orders by the listed
	 * value stay in order within each value.
	 */
	public static <T, R> List<R> inChunks(Collection<T> values, Function<List<T>, List<R>> query) {
		List<T> all = values instanceof List<T> list ? list : new ArrayList<>(values);
		if (all.size() <= IN_LIST) {
			return all.isEmpty() ? List.of() : query.apply(all);
		}
		List<R> rows = new ArrayList<>();
		for (int from = 0; from < all.size(); from += IN_LIST) {
			rows.addAll(query.apply(all.subList(from, Math.min(all.size(), from + IN_LIST))));
		}
		return rows;
	}

	public static OffsetDateTime ts(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	public static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	public static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	public static Double dbl(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	public static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	public static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	public static LocalDate date(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	public static UUID uuid(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	public static Double dbl(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	public static Integer integer(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	public static Boolean bool(ResultSet rs, int column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	public static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}
}
