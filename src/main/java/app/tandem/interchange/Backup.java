package app.tandem.interchange;

import java.io.InputStream;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.ParseErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Backup and restore of the whole organisation as one JSON document: every table row by row, so
 * that export → import into an empty instance → export gives the same document, on H2 and
 * PostgreSQL alike. Streams both ways: 400,000 check-ins never sit in memory at once.
 */
@Service
class Backup {

	static final String FORMAT = "tandem-backup";

	static final int VERSION = 1;

	private static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(Backup.class);

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final app.tandem.okr.AfterRestore okr;

	private final app.tandem.kpi.MeasurementDays measurementDays;

	private final AuditTrail audit;

	Backup(JdbcTemplate jdbc, ObjectMapper json, app.tandem.okr.AfterRestore okr,
			app.tandem.kpi.MeasurementDays measurementDays, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.json = json;
		this.okr = okr;
		this.measurementDays = measurementDays;
	}

	/** One consistent snapshot, streamed. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void export(OutputStream out) {
		try (JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("format", FORMAT);
			generator.writeNumberProperty("version", VERSION);
			generator.writeName("tables");
			generator.writeStartObject();
			for (String table : BackupTables.ORDER) {
				Map<String, BackupTables.Kind> columns = BackupTables.columns(jdbc, table);
				generator.writeName(table);
				generator.writeStartArray();
				jdbc.query("select * from " + table + " order by " + BackupTables.orderBy(table), rs -> {
					generator.writeStartObject();
					for (var column : columns.entrySet()) {
						generator.writeName(column.getKey());
						write(generator, rs, column.getKey(), column.getValue());
					}
					generator.writeEndObject();
				});
				generator.writeEndArray();
			}
			generator.writeEndObject();
			generator.writeEndObject();
		}
	}

	private static void write(JsonGenerator g, ResultSet rs, String column, BackupTables.Kind kind) throws SQLException {
		switch (kind) {
			case UUID -> {
				UUID value = rs.getObject(column, UUID.class);
				if (value == null) g.writeNull(); else g.writeString(value.toString());
			}
			case INSTANT -> {
				OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
				if (value == null) g.writeNull(); else g.writeString(value.toInstant().toString());
			}
			case DATE -> {
				LocalDate value = rs.getObject(column, LocalDate.class);
				if (value == null) g.writeNull(); else g.writeString(value.toString());
			}
			case INTEGER -> {
				long value = rs.getLong(column);
				if (rs.wasNull()) g.writeNull(); else g.writeNumber(value);
			}
			case DECIMAL -> {
				double value = rs.getDouble(column);
				if (rs.wasNull()) g.writeNull(); else g.writeNumber(value);
			}
			case BOOLEAN -> {
				boolean value = rs.getBoolean(column);
				if (rs.wasNull()) g.writeNull(); else g.writeBoolean(value);
			}
			case TEXT -> {
				String value = rs.getString(column);
				if (value == null) g.writeNull(); else g.writeString(value);
			}
		}
	}

	/** Restores a backup into an empty instance (nothing but the bootstrap admin), all or nothing. */
	@Transactional
	public Map<String, Integer> restore(InputStream in) {
		requireEmpty();
		for (String table : List.of("api_token", "membership", "app_user")) {
			jdbc.update("delete from " + table);
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		JsonParser parser = json.createParser(in);
		try (parser) {
			expect(parser, parser.nextToken() == JsonToken.START_OBJECT, "", "a backup is a JSON object");
			boolean sawFormat = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				switch (name) {
					case "format" -> {
						expect(parser, FORMAT.equals(parser.getValueAsString()), "format", "must be " + FORMAT);
						sawFormat = true;
					}
					case "version" -> expect(parser, parser.currentToken() == JsonToken.VALUE_NUMBER_INT
							&& parser.getLongValue() == VERSION, "version", "must be " + VERSION);
					case "tables" -> readTables(parser, counts);
					default -> throw InvalidInputException.of(name, "is not part of a Tandem backup");
				}
			}
			expect(parser, sawFormat, "format", "is missing: this is not a Tandem backup");
		}
		catch (tools.jackson.core.JacksonException e) {
			if (e.getCause() instanceof app.tandem.shared.RequestTooLargeException) {
				throw e;
			}
			throw ParseErrors.inFile(e, "JSON", parser);
		}
		// Derived rows are not in a backup: the days of the measurements are tallied again.
		measurementDays.tallyMissing();
		refreshStatistics();
		okr.recomputeDerivedValues();
		var changes = new java.util.LinkedHashMap<String, Object[]>();
		counts.forEach((table, rows) -> changes.put(table, new Object[] { null, rows }));
		audit.record("backup", "instance", "RESTORED", changes);
		log.info("Restored a backup: {}", counts);
		return counts;
	}

	/**
	 * A restore multiplies the rows at once; without fresh statistics PostgreSQL plans the next
	 * reads for empty tables (nested loops over 40,000 key results) until autovacuum catches up.
	 */
	private void refreshStatistics() {
		String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData()
			.getDatabaseProductName());
		String command = "PostgreSQL".equalsIgnoreCase(product) ? "analyze " : "analyze table ";
		for (String table : BackupTables.ORDER) {
			jdbc.execute(command + table);
		}
		jdbc.execute(command + "measurement_day");
	}

	private void requireEmpty() {
		long data = 0;
		for (String table : List.of("organisation", "team", "cycle", "objective", "kpi")) {
			data += jdbc.queryForObject("select count(*) from " + table, Long.class);
		}
		long users = jdbc.queryForObject("select count(*) from app_user", Long.class);
		if (data > 0 || users > 1) {
			throw new ConflictException("Restore needs an empty instance (only the bootstrap admin); this one holds data");
		}
	}

	private void readTables(JsonParser parser, Map<String, Integer> counts) {
		expect(parser, parser.currentToken() == JsonToken.START_OBJECT, "tables", "must be an object of tables");
		java.util.Set<String> seen = new java.util.LinkedHashSet<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String table = parser.currentName();
			if (!BackupTables.ORDER.contains(table)) {
				throw InvalidInputException.of("tables." + table, "is not a table Tandem backs up");
			}
			int position = BackupTables.ORDER.indexOf(table);
			for (String earlier : seen) {
				if (BackupTables.ORDER.indexOf(earlier) > position) {
					throw InvalidInputException.of("tables." + table, "must come before " + earlier);
				}
			}
			seen.add(table);
			parser.nextToken();
			try {
				counts.put(table, insertRows(parser, table));
			}
			catch (DataIntegrityViolationException e) {
				// The database's words name its constraints and statements: logged, not answered.
				log.info("A restore's rows of {} were refused: {}", table, e.getMostSpecificCause().getMessage());
				throw InvalidInputException.of("tables." + table,
						"the rows do not fit together: one refers to a row the backup lacks, or repeats a key");
			}
		}
	}

	private int insertRows(JsonParser parser, String table) {
		String path = "tables." + table;
		expect(parser, parser.currentToken() == JsonToken.START_ARRAY, path, "must be an array of rows");
		Map<String, BackupTables.Kind> columns = BackupTables.columns(jdbc, table);
		List<String> names = new ArrayList<>(columns.keySet());
		String selfReference = BackupTables.SELF_REFERENCES.get(table);
		// A backup from an older version lacks the columns added since: those take their default, so each run of
		// rows with the same columns is inserted with a statement naming just those.
		List<String> batchColumns = null;
		List<Object[]> batch = new ArrayList<>(BATCH);
		List<Object[]> deferred = new ArrayList<>();
		int count = 0;
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			String rowPath = path + "[" + count + "]";
			Object[] values = new Object[names.size()];
			boolean[] present = new boolean[names.size()];
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String column = parser.currentName();
				int index = names.indexOf(column);
				if (index < 0) {
					throw InvalidInputException.of(rowPath + "." + column, "is not a column of " + table);
				}
				parser.nextToken();
				values[index] = value(parser, columns.get(column), rowPath + "." + column);
				present[index] = true;
			}
			if (selfReference != null) {
				int index = names.indexOf(selfReference);
				if (values[index] != null) {
					deferred.add(new Object[] { values[index], values[names.indexOf("id")] });
					values[index] = null;
				}
			}
			List<String> rowColumns = new ArrayList<>();
			List<Object> rowValues = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				if (present[i]) {
					rowColumns.add(names.get(i));
					rowValues.add(values[i]);
				}
			}
			if (rowColumns.isEmpty()) {
				throw InvalidInputException.of(rowPath, "has no columns");
			}
			if (!rowColumns.equals(batchColumns)) {
				flush(table, batchColumns, batch, columns);
				batchColumns = rowColumns;
			}
			batch.add(rowValues.toArray());
			count++;
			if (batch.size() == BATCH) {
				flush(table, batchColumns, batch, columns);
			}
		}
		flush(table, batchColumns, batch, columns);
		if (!deferred.isEmpty()) {
			jdbc.batchUpdate("update " + table + " set " + selfReference + " = ? where id = ?", deferred);
		}
		return count;
	}

	private void flush(String table, List<String> names, List<Object[]> batch, Map<String, BackupTables.Kind> columns) {
		if (batch.isEmpty()) {
			return;
		}
		String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
				+ String.join(", ", names.stream().map(n -> "?").toList()) + ")";
		jdbc.batchUpdate(sql, batch, batch.size(), (PreparedStatement ps, Object[] values) -> {
			for (int i = 0; i < values.length; i++) {
				if (values[i] == null) {
					ps.setNull(i + 1, sqlType(columns.get(names.get(i))));
				}
				else {
					ps.setObject(i + 1, values[i]);
				}
			}
		});
		batch.clear();
	}

	private static int sqlType(BackupTables.Kind kind) {
		return switch (kind) {
			case UUID -> Types.OTHER;
			case TEXT -> Types.VARCHAR;
			case INTEGER -> Types.BIGINT;
			case DECIMAL -> Types.DOUBLE;
			case BOOLEAN -> Types.BOOLEAN;
			case DATE -> Types.DATE;
			case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
		};
	}

	private static Object value(JsonParser parser, BackupTables.Kind kind, String path) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		try {
			return switch (kind) {
				case UUID -> UUID.fromString(text(parser, path));
				case TEXT -> text(parser, path);
				case DATE -> LocalDate.parse(text(parser, path));
				case INSTANT -> Instant.parse(text(parser, path)).atOffset(ZoneOffset.UTC);
				case BOOLEAN -> {
					expect(parser, token.isBoolean(), path, "must be true or false");
					yield token == JsonToken.VALUE_TRUE;
				}
				case INTEGER -> {
					expect(parser, token == JsonToken.VALUE_NUMBER_INT, path, "must be an integer");
					yield parser.getLongValue();
				}
				case DECIMAL -> {
					expect(parser, token.isNumeric(), path, "must be a number");
					yield parser.getDoubleValue();
				}
			};
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			throw InvalidInputException.of(path,
					"is not a valid " + kind.name().toLowerCase() + ": " + ParseErrors.quote(parser.getString()));
		}
	}

	private static String text(JsonParser parser, String path) {
		expect(parser, parser.currentToken() == JsonToken.VALUE_STRING, path, "must be a string");
		return parser.getString();
	}

	private static void expect(JsonParser parser, boolean condition, String path, String message) {
		if (!condition) {
			throw InvalidInputException.of(path, message);
		}
	}
}
