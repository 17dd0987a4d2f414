package app.tandem.okr.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class KeyResultChangeStore {

	private final JdbcClient jdbc;

	KeyResultChangeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(KeyResultChangeRow row) {
		jdbc.sql("""
				insert into key_result_change (id, key_result_id, at, author_id, kind, field, old_value, new_value, reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.id(), row.keyResultId(), Sql.ts(row.at()), row.authorId(), row.kind(), row.field(),
					row.oldValue(), row.newValue(), row.reason())
			.update();
	}

	public List<KeyResultChangeRow> ofKeyResult(UUID keyResultId) {
		return jdbc.sql("select * from key_result_change where key_result_id = ? order by at, id").param(keyResultId)
			.query(OkrRows.CHANGE).list();
	}

	/**
	 * Changes made after an instant, newest first per key result (of a thousand, with more): undone in that order
	 * to see a definition as it was.
	 */
	public List<KeyResultChangeRow> after(Collection<UUID> keyResultIds, Instant asOf) {
		return Sql.inChunks(keyResultIds, ids -> jdbc
			.sql("select * from key_result_change where key_result_id in (:ids) and at > :asOf order by at desc, id desc")
			.param("ids", ids)
			.param("asOf", Sql.ts(asOf))
			.query(OkrRows.CHANGE)
			.list());
	}
}
