package app.tandem.okr.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CycleStore {

	private final JdbcClient jdbc;

	CycleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CycleRow> find(UUID id) {
		return jdbc.sql("select * from cycle where id = ?").param(id).query(OkrRows.CYCLE).optional();
	}

	public Optional<CycleRow> findByName(String name) {
		return jdbc.sql("select * from cycle where name = ?").param(name).query(OkrRows.CYCLE).optional();
	}

	public List<CycleRow> list(UUID after, int limit) {
		return jdbc.sql("select * from cycle where (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("after", after)
			.param("limit", limit)
			.query(OkrRows.CYCLE)
			.list();
	}

	public List<CycleRow> all() {
		return jdbc.sql("select * from cycle order by id").query(OkrRows.CYCLE).list();
	}

	public void insert(CycleRow row) {
		jdbc.sql("insert into cycle (id, name, start_date, end_date, closed_at, created_at, version) values (?, ?, ?, ?, ?, ?, 0)")
			.params(row.id(), row.name(), row.startDate(), row.endDate(), Sql.ts(row.closedAt()), Sql.ts(row.createdAt()))
			.update();
	}

	/** Applies only when the row is still at {@code version}; false when someone else wrote first. */
	public boolean update(UUID id, long version, String name, LocalDate start, LocalDate end) {
		return jdbc.sql("update cycle set name = ?, start_date = ?, end_date = ?, version = version + 1 where id = ? and version = ?")
			.params(name, start, end, id, version)
			.update() == 1;
	}

	public boolean close(UUID id, long version, Instant at) {
		return jdbc.sql("update cycle set closed_at = ?, version = version + 1 where id = ? and version = ? and closed_at is null")
			.params(Sql.ts(at), id, version)
			.update() == 1;
	}
}
