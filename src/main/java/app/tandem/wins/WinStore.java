package app.tandem.wins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The win and kudos tables; names of people and teams come joined from identity's tables. */
@Repository
class WinStore {

	private static final String COLUMNS = """
			select w.id, w.kind, w.subject_id, w.objective_id, w.title, w.cycle_id, w.team_id, t.name, w.person_id,
			  u.username, u.name, w.score, w.achieved_at
			from win w left join team t on t.id = w.team_id left join app_user u on u.id = w.person_id""";

	private static final RowMapper<WinRow> WIN = (rs, i) -> new WinRow(Sql.uuid(rs, 1),
			NewWin.Kind.valueOf(rs.getString(2)), Sql.uuid(rs, 3), Sql.uuid(rs, 4), rs.getString(5), Sql.uuid(rs, 6),
			Sql.uuid(rs, 7), rs.getString(8), Sql.uuid(rs, 9), rs.getString(10), rs.getString(11), Sql.dbl(rs, 12),
			Sql.instant(rs, 13));

	private final JdbcClient jdbc;

	WinStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record WinRow(UUID id, NewWin.Kind kind, UUID subjectId, UUID objectiveId, String title, UUID cycleId, UUID teamId,
			String teamName, UUID personId, String username, String personName, Double score, Instant at) {
	}

	record KudosRow(UUID id, UUID winId, UUID authorId, String username, String authorName, String note,
			Instant createdAt) {
	}

	/**
	 * Records the win unless its subject has won this kind already; whether it was new. Two nodes recording the
	 * same win at once both find none and one insert loses to the unique key (a {@code DuplicateKeyException}): the
	 * caller's transaction is then spoiled on PostgreSQL, so callers record each win in a transaction of its own.
	 */
	boolean insertIfAbsent(NewWin win) {
		return jdbc.sql("""
				insert into win (id, kind, subject_id, objective_id, title, cycle_id, team_id, person_id, score, achieved_at)
				select :id, :kind, :subject, :objective, :title, :cycle, cast(:team as uuid), cast(:person as uuid),
				  cast(:score as double precision), :at
				where not exists (select 1 from win where kind = :kind and subject_id = :subject)""")
			.param("id", Ids.next())
			.param("kind", win.kind().name())
			.param("subject", win.subjectId())
			.param("objective", win.objectiveId())
			.param("title", win.title())
			.param("cycle", win.cycleId())
			.param("team", win.teamId())
			.param("person", win.personId())
			.param("score", win.score())
			.param("at", Sql.ts(win.at()))
			.update() == 1;
	}

	/** Newest first (by when they happened, then by id), after the win {@code after}, of a cycle and team if given. */
	List<WinRow> list(UUID cycleId, UUID teamId, UUID after, int limit) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (cycleId != null) {
			sql.append(" and w.cycle_id = ?");
			params.add(cycleId);
		}
		if (teamId != null) {
			sql.append(" and w.team_id = ?");
			params.add(teamId);
		}
		if (after != null) {
			sql.append(" and exists (select 1 from win c where c.id = ? and (w.achieved_at < c.achieved_at"
					+ " or (w.achieved_at = c.achieved_at and w.id < c.id)))");
			params.add(after);
		}
		sql.append(" order by w.achieved_at desc, w.id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(WIN).list();
	}

	java.util.Optional<WinRow> find(UUID id) {
		return jdbc.sql(COLUMNS + " where w.id = ?").param(id).query(WIN).optional();
	}

	void insertKudos(UUID id, UUID winId, UUID authorId, String note, Instant at) {
		jdbc.sql("insert into kudos (id, win_id, author_id, note, created_at) values (?, ?, ?, ?, ?)")
			.params(id, winId, authorId, note, Sql.ts(at))
			.update();
	}

	/** Each win's kudos, oldest first. */
	Map<UUID, List<KudosRow>> kudosOf(Collection<UUID> winIds) {
		Map<UUID, List<KudosRow>> kudos = new HashMap<>();
		Sql.inChunks(winIds, ids -> jdbc.sql("""
				select k.id, k.win_id, k.author_id, u.username, u.name, k.note, k.created_at
				from kudos k join app_user u on u.id = k.author_id where k.win_id in (:ids) order by k.id""")
			.param("ids", ids)
			.query((rs, i) -> new KudosRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2), Sql.uuid(rs, 3), rs.getString(4),
					rs.getString(5), rs.getString(6), Sql.instant(rs, 7)))
			.list())
			.forEach(k -> kudos.computeIfAbsent(k.winId(), w -> new ArrayList<>()).add(k));
		return kudos;
	}
}
