package app.tandem.okr.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.okr.domain.CheckInPoint;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-ins are append-only: inserted, listed, never updated. */
@Repository
public class CheckInStore {

	private static final String INSERT = """
			insert into check_in (id, key_result_id, at, amount, achieved, confidence, note, author_id, source, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CheckInStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public void insert(CheckInRow row) {
		jdbc.sql(INSERT).params(columns(row)).update();
	}

	/** A check-in a KPI's ingestion wrote, naming that ingestion (unique per key result). */
	public void insertFromIngestion(CheckInRow row, UUID ingestionId) {
		Object[] columns = java.util.Arrays.copyOf(columns(row), 11);
		columns[10] = ingestionId;
		jdbc.sql("""
				insert into check_in (id, key_result_id, at, amount, achieved, confidence, note, author_id, source,
				  created_at, ingestion_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(columns).update();
	}

	/** Whether this ingestion has already written the key result's check-in. */
	public boolean fromIngestion(UUID keyResultId, UUID ingestionId) {
		return !jdbc.sql("select 1 from check_in where key_result_id = ? and ingestion_id = ?")
			.params(keyResultId, ingestionId)
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	/** Many at once, in one batch: an import's history. */
	public void insertAll(List<CheckInRow> rows) {
		template.batchUpdate(INSERT, rows.stream().map(CheckInStore::columns).toList());
	}

	private static Object[] columns(CheckInRow row) {
		return new Object[] { row.id(), row.keyResultId(), Sql.ts(row.at()), row.value(), row.achieved(),
				row.confidence(), row.note(), row.authorId(), row.source(), Sql.ts(row.createdAt()) };
	}

	/** Newest first, paged by id. */
	public List<CheckInRow> ofKeyResult(UUID keyResultId, UUID before, int limit) {
		return jdbc.sql("""
				select * from check_in where key_result_id = :kr and (cast(:before as uuid) is null or id < :before)
				order by id desc limit :limit""")
			.param("kr", keyResultId)
			.param("before", before)
			.param("limit", limit)
			.query(OkrRows.CHECK_IN)
			.list();
	}

	/** Every check-in of these key results up to an instant, by key result, oldest first: the input of "as of" reads. */
	public List<CheckInRow> upTo(Collection<UUID> keyResultIds, Instant asOf) {
		return Sql.inChunks(keyResultIds, ids -> jdbc.sql("""
				select * from check_in where key_result_id in (:ids) and at <= :asOf
				order by key_result_id, at, created_at, id""")
			.param("ids", ids)
			.param("asOf", Sql.ts(asOf))
			.query(OkrRows.CHECK_IN)
			.list());
	}

	/**
	 * The instants and values of these key results' check-ins that have a value, up to an instant (null: all),
	 * by key result, in no particular order: what forecasts draw their lines through. Three columns of an
	 * indexed range per key result, a query per thousand key results.
	 */
	public Map<UUID, List<CheckInPoint>> valuesOf(List<UUID> keyResultIds, Instant upTo) {
		Map<UUID, List<CheckInPoint>> points = new HashMap<>();
		for (int from = 0; from < keyResultIds.size(); from += Sql.IN_LIST) {
			List<UUID> chunk = keyResultIds.subList(from, Math.min(keyResultIds.size(), from + Sql.IN_LIST));
			var query = upTo == null
					? jdbc.sql("select key_result_id, at, amount from check_in where key_result_id in (:ids) and amount is not null")
					: jdbc.sql("""
							select key_result_id, at, amount from check_in where key_result_id in (:ids)
							and amount is not null and at <= :upTo""").param("upTo", Sql.ts(upTo));
			query.param("ids", chunk)
				.query(rs -> {
					points.computeIfAbsent(Sql.uuid(rs, 1), k -> new ArrayList<>())
						.add(new CheckInPoint(Sql.instant(rs, 2), rs.getDouble(3)));
				});
		}
		return points;
	}

	/** Check-ins of a cycle that a change of its dates would leave outside them: how many, the first and the last. */
	public record Outside(long count, Instant first, Instant last) {
	}

	/**
	 * The cycle's check-ins within {@code [oldFrom, oldTo)} that fall outside {@code [newFrom, newTo)} (those already
	 * outside the old dates are not the change's doing).
	 */
	public Outside leftOutside(UUID cycleId, Instant oldFrom, Instant oldTo, Instant newFrom, Instant newTo) {
		return jdbc.sql("""
				select count(*), min(c.at), max(c.at) from check_in c
				join key_result k on k.id = c.key_result_id join objective o on o.id = k.objective_id
				where o.cycle_id = :cycle and c.at >= :oldFrom and c.at < :oldTo and (c.at < :newFrom or c.at >= :newTo)""")
			.param("cycle", cycleId)
			.param("oldFrom", Sql.ts(oldFrom))
			.param("oldTo", Sql.ts(oldTo))
			.param("newFrom", Sql.ts(newFrom))
			.param("newTo", Sql.ts(newTo))
			.query((rs, n) -> new Outside(rs.getLong(1), Sql.instant(rs, 2), Sql.instant(rs, 3)))
			.single();
	}
}
