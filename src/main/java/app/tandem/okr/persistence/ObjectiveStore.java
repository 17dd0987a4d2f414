package app.tandem.okr.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ObjectiveStore {

	private final JdbcClient jdbc;

	ObjectiveStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ObjectiveRow> find(UUID id) {
		return jdbc.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where id = ?").param(id).query(OkrRows.OBJECTIVE).optional();
	}

	/**
	 * The objective, its row locked until the transaction ends (a write that refreshes stored roll-ups takes these
	 * locks before it writes: see {@code ObjectiveRollups.lock}).
	 */
	public Optional<ObjectiveRow> findForUpdate(UUID id) {
		return jdbc.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where id = ? for update").param(id)
			.query(OkrRows.OBJECTIVE).optional();
	}

	/** The objectives among these ids that exist, in no particular order. */
	public List<ObjectiveRow> findAll(Collection<UUID> ids) {
		return Sql.inChunks(ids, chunk -> jdbc.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where id in (:ids)")
			.param("ids", chunk).query(OkrRows.OBJECTIVE).list());
	}

	public Optional<ObjectiveRow> findByKey(String key) {
		return jdbc.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where slug = ?").param(key).query(OkrRows.OBJECTIVE).optional();
	}

	/** Which objectives an API list asks for (archived ones never); each part left null matches all. */
	public record Filter(UUID cycleId, UUID teamId, UUID ownerId, String level, Instant createdBy) {
	}

	public List<ObjectiveRow> list(Filter filter, Sight sight, UUID after, int limit) {
		StringBuilder sql = new StringBuilder("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where archived_at is null");
		List<Object> params = new ArrayList<>();
		sql.append(sight.sql(params));
		condition(sql, params, "cycle_id", filter.cycleId());
		condition(sql, params, "team_id", filter.teamId());
		condition(sql, params, "owner_id", filter.ownerId());
		condition(sql, params, "level", filter.level());
		if (filter.createdBy() != null) {
			sql.append(" and created_at <= ?");
			params.add(Sql.ts(filter.createdBy()));
		}
		condition(sql, params, "id >", after);
		sql.append(" order by id limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(OkrRows.OBJECTIVE).list();
	}

	/**
	 * What the OKR list shows of a cycle: each part left null matches all; {@code person} matches the objectives
	 * they own and those with a key result they own; {@code archived} the archived objectives instead of the others.
	 */
	public record ListQuery(UUID cycleId, String level, UUID teamId, UUID person, boolean archived) {
	}

	/**
	 * One page of the OKR list, in its order: the company's objectives, then the teams' and the individuals', each
	 * by team name and title. The database sorts the narrow rows and answers only the page's objectives.
	 */
	public List<ObjectiveRow> listPage(ListQuery query, Sight sight, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = listWhere(query, sight, params);
		// the team's name orders the groups as the page shows them; identity's table, read only
		String sql = "select " + OkrRows.OBJECTIVE_COLUMNS_OF_O + " from objective o left join team t on t.id = o.team_id"
				+ where + " order by case o.level when 'COMPANY' then 0 when 'TEAM' then 1 else 2 end, t.name nulls last,"
				+ " o.title, o.id limit ? offset ?";
		params.add(limit);
		params.add(offset);
		return jdbc.sql(sql).params(params).query(OkrRows.OBJECTIVE).list();
	}

	public long count(ListQuery query, Sight sight) {
		List<Object> params = new ArrayList<>();
		String where = listWhere(query, sight, params);
		return jdbc.sql("select count(*) from objective o" + where).params(params).query(Long.class).single();
	}

	/**
	 * A part of the alignment tree of a cycle, in its order (level, title): the objectives aligned to
	 * {@code parentId}, or with null those at the top, aligned to nothing in the cycle that the reader sees.
	 */
	public List<ObjectiveRow> alignedPage(UUID cycleId, UUID parentId, Sight sight, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = alignedWhere(cycleId, parentId, sight, params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select " + OkrRows.OBJECTIVE_COLUMNS_OF_O + " from objective o" + where
				+ " order by case o.level when 'COMPANY' then 0 when 'TEAM' then 1 else 2 end, o.title, o.id limit ? offset ?")
			.params(params).query(OkrRows.OBJECTIVE).list();
	}

	public long countAligned(UUID cycleId, UUID parentId, Sight sight) {
		List<Object> params = new ArrayList<>();
		String where = alignedWhere(cycleId, parentId, sight, params);
		return jdbc.sql("select count(*) from objective o" + where).params(params).query(Long.class).single();
	}

	/** How many objectives the reader sees aligned to each of these (those with none left out). */
	public Map<UUID, Long> countAlignedUnder(Collection<UUID> parentIds, Sight sight) {
		Map<UUID, Long> counts = new java.util.HashMap<>();
		if (parentIds.isEmpty()) {
			return counts;
		}
		List<Object> params = new ArrayList<>(parentIds);
		String sql = "select o.parent_id, count(*) from objective o where o.parent_id in ("
				+ String.join(",", java.util.Collections.nCopies(parentIds.size(), "?")) + ") and o.archived_at is null"
				+ sight.sql(params, "o.") + " group by o.parent_id";
		jdbc.sql(sql).params(params).query(rs -> {
			counts.put(Sql.uuid(rs, 1), rs.getLong(2));
		});
		return counts;
	}

	private static String alignedWhere(UUID cycleId, UUID parentId, Sight sight, List<Object> params) {
		StringBuilder where = new StringBuilder(seenInCycle(cycleId, false, sight, params));
		if (parentId != null) {
			where.append(" and o.parent_id = ?");
			params.add(parentId);
		}
		else {
			where.append(" and not exists (select 1 from objective p where p.id = o.parent_id and p.cycle_id = o.cycle_id"
					+ " and p.archived_at is null");
			where.append(sight.sql(params, "p."));
			where.append(")");
		}
		return where.toString();
	}

	/**
	 * Objectives of a cycle the reader sees to choose from (a parent, where a key result moves), in the list's order
	 * (level, title), those whose title holds every word (lower case), but not {@code except}; at most {@code limit}.
	 */
	public List<ObjectiveRow> choices(UUID cycleId, List<String> words, UUID except, Sight sight, int limit) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select " + OkrRows.OBJECTIVE_COLUMNS_OF_O + " from objective o"
				+ seenInCycle(cycleId, false, sight, params));
		if (except != null) {
			sql.append(" and o.id <> ?");
			params.add(except);
		}
		titleHolds(sql, params, "o.title", words);
		sql.append(" order by case o.level when 'COMPANY' then 0 when 'TEAM' then 1 else 2 end, o.title, o.id limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(OkrRows.OBJECTIVE).list();
	}

	private static void titleHolds(StringBuilder sql, List<Object> params, String title, List<String> words) {
		for (String word : words) {
			sql.append(" and lower(").append(title).append(") like ? escape '!'");
			params.add(app.tandem.shared.SearchWords.containing(word));
		}
	}

	/** An objective or key result whose title matched a search, with its objective's id and title. */
	public record TitleHit(UUID id, String title, UUID objectiveId, String objectiveTitle) {
	}

	/**
	 * The objectives of a cycle (or, {@code keyResults}, their key results) the reader sees whose title holds every
	 * word, case aside, by title, at most {@code limit}.
	 */
	public List<TitleHit> titlesWith(UUID cycleId, List<String> words, boolean keyResults, Sight sight, int limit) {
		List<Object> params = new ArrayList<>();
		String titled = keyResults ? "k.title" : "o.title";
		StringBuilder sql = new StringBuilder(keyResults
				? "select k.id, k.title, o.id, o.title from key_result k join objective o on o.id = k.objective_id"
				: "select o.id, o.title, o.id, o.title from objective o");
		sql.append(seenInCycle(cycleId, false, sight, params));
		titleHolds(sql, params, titled, words);
		sql.append(" order by ").append(titled).append(", o.id limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, i) -> new TitleHit(Sql.uuid(rs, 1), rs.getString(2), Sql.uuid(rs, 3), rs.getString(4)))
			.list();
	}

	/** The objectives of a cycle the reader sees with a key result that a KPI measures, by id. */
	public List<ObjectiveRow> measuredByKpis(UUID cycleId, Sight sight) {
		List<Object> params = new ArrayList<>();
		String sql = "select " + OkrRows.OBJECTIVE_COLUMNS_OF_O + " from objective o" + seenInCycle(cycleId, false, sight,
				params) + " and exists (select 1 from key_result k where k.objective_id = o.id and k.kpi_id is not null)"
				+ " order by o.id";
		return jdbc.sql(sql).params(params).query(OkrRows.OBJECTIVE).list();
	}

	/** How many key results the objectives of the list have. */
	public long countKeyResults(ListQuery query, Sight sight) {
		List<Object> params = new ArrayList<>();
		String where = listWhere(query, sight, params);
		return jdbc.sql("select count(*) from key_result k join objective o on o.id = k.objective_id" + where)
			.params(params).query(Long.class).single();
	}

	/**
	 * " where" the objectives of a cycle, archived or not, that the reader sees (on the table aliased {@code o}), its
	 * parameters added: where every read of a cycle's lists starts.
	 */
	private static String seenInCycle(UUID cycleId, boolean archived, Sight sight, List<Object> params) {
		params.add(cycleId);
		return " where o.cycle_id = ? and o.archived_at is " + (archived ? "not null" : "null") + sight.sql(params, "o.");
	}

	private static String listWhere(ListQuery query, Sight sight, List<Object> params) {
		StringBuilder where = new StringBuilder(seenInCycle(query.cycleId(), query.archived(), sight, params));
		if (query.level() != null) {
			where.append(" and o.level = ?");
			params.add(query.level());
		}
		if (query.teamId() != null) {
			where.append(" and o.team_id = ?");
			params.add(query.teamId());
		}
		if (query.person() != null) {
			where.append(" and (o.owner_id = ? or o.id in (select k.objective_id from key_result k where k.owner_id = ?))");
			params.add(query.person());
			params.add(query.person());
		}
		return where.toString();
	}

	private static void condition(StringBuilder sql, List<Object> params, String column, Object value) {
		if (value != null) {
			sql.append(" and ").append(column).append(column.endsWith(">") ? " ?" : " = ?");
			params.add(value);
		}
	}

	public List<ObjectiveRow> inCycle(UUID cycleId) {
		return jdbc.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where cycle_id = ?").param(cycleId).query(OkrRows.OBJECTIVE).list();
	}

	public List<ObjectiveRow> ownedInCycle(UUID cycleId, UUID ownerId) {
		return jdbc.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where cycle_id = ? and owner_id = ?"
				+ " and archived_at is null order by id").params(cycleId, ownerId)
			.query(OkrRows.OBJECTIVE).list();
	}

	/** Objectives aligned to any of these objectives, or to any of these key results. */
	public List<ObjectiveRow> alignedTo(Collection<UUID> objectiveIds, Collection<UUID> keyResultIds) {
		List<ObjectiveRow> rows = new ArrayList<>(Sql.inChunks(objectiveIds, ids -> jdbc
			.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where parent_id in (:ids) and archived_at is null")
			.param("ids", ids).query(OkrRows.OBJECTIVE).list()));
		rows.addAll(Sql.inChunks(keyResultIds, ids -> jdbc
			.sql("select " + OkrRows.OBJECTIVE_COLUMNS + " from objective where parent_key_result_id in (:ids)"
					+ " and archived_at is null")
			.param("ids", ids).query(OkrRows.OBJECTIVE).list()));
		return rows;
	}

	public long countAlignedTo(UUID objectiveId) {
		return jdbc.sql("""
				select count(*) from objective where parent_id = :id
				or parent_key_result_id in (select id from key_result where objective_id = :id)""")
			.param("id", objectiveId)
			.query(Long.class)
			.single();
	}

	public void insert(ObjectiveRow row) {
		jdbc.sql("""
				insert into objective (id, cycle_id, slug, title, description, level, team_id, owner_id, parent_id,
				  parent_key_result_id, type, visibility, retrospective, carried_from_id, final_score, created_at, version,
				  draft)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
			.params(row.id(), row.cycleId(), row.key(), row.title(), row.description(), row.level().name(), row.teamId(),
					row.ownerId(), row.parentId(), row.parentKeyResultId(), row.type().name(), row.visibility().name(),
					row.retrospective(), row.carriedFromId(), row.finalScore(), Sql.ts(row.createdAt()), row.draft())
			.update();
	}

	/** Writes every field of {@code row} if the stored version is still {@code row.version()}. */
	public boolean update(ObjectiveRow row) {
		return jdbc.sql("""
				update objective set slug = ?, title = ?, description = ?, level = ?, team_id = ?, owner_id = ?,
				  parent_id = ?, parent_key_result_id = ?, type = ?, visibility = ?, retrospective = ?,
				  version = version + 1, revision = revision + 1
				where id = ? and version = ?""")
			.params(row.key(), row.title(), row.description(), row.level().name(), row.teamId(), row.ownerId(),
					row.parentId(), row.parentKeyResultId(), row.type().name(), row.visibility().name(),
					row.retrospective(), row.id(), row.version())
			.update() == 1;
	}

	/** A draft made public (or private) if the stored version is still {@code version}. */
	public boolean publish(UUID id, Visibility visibility, long version) {
		return jdbc.sql("update objective set draft = false, visibility = ?, version = version + 1, revision = revision + 1"
				+ " where id = ? and version = ? and draft = true")
			.params(visibility.name(), id, version)
			.update() == 1;
	}

	public void repointAlignment(UUID keyResultId, UUID newObjectiveId) {
		jdbc.sql("update objective set parent_id = ?, version = version + 1, revision = revision + 1"
				+ " where parent_key_result_id = ?")
			.params(newObjectiveId, keyResultId)
			.update();
	}

	/**
	 * A cycle's objectives as the coach reads them (titles, levels, teams, types, alignment; the
	 * other fields stay empty) that {@code sight} sees, of one team if given; in no particular order.
	 */
	/** An objective's revision: it changes with every write to the objective or to its key results. */
	public record Revision(UUID id, long revision) {
	}

	/** The revisions of the objectives {@link #writtenInCycle} reads, by id. */
	public List<Revision> revisionsInCycle(UUID cycleId, UUID teamId, Sight sight) {
		StringBuilder sql = new StringBuilder("select id, revision from objective where cycle_id = ? and archived_at is null");
		List<Object> params = new ArrayList<>(List.of(cycleId));
		condition(sql, params, "team_id", teamId);
		sql.append(sight.sql(params));
		// in the order of creation (ids are UUIDv7), as the coach's findings are sorted: nearly sorted, quickly
		sql.append(" order by id");
		return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Revision(Sql.uuid(rs, 1), rs.getLong(2))).list();
	}

	/**
	 * These objectives as written (what {@link #writtenInCycle} reads) with their revision, read in one statement with
	 * them; at most 1,000 ids per call.
	 */
	public void writtenWithRevisions(Collection<UUID> ids, java.util.function.BiConsumer<ObjectiveRow, Long> each) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("select id, cycle_id, title, level, team_id, parent_id, type, revision from objective where id in (:ids)")
			.param("ids", ids)
			.query(rs -> {
				each.accept(new ObjectiveRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2), null, rs.getString(3), null,
						Level.valueOf(rs.getString(4)), Sql.uuid(rs, 5), null, Sql.uuid(rs, 6), null,
						ObjectiveType.valueOf(rs.getString(7)), null, null, null, null, null, 0), rs.getLong(8));
			});
	}

	/**
	 * Moves every objective's revision on by one amount chosen at random (after a restore: restored objectives
	 * carry the revisions of the instance they came from, which may name other contents here).
	 */
	public void reviseAll() {
		jdbc.sql("update objective set revision = revision + ?")
			.param(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << 40))
			.update();
	}

	public List<ObjectiveRow> writtenInCycle(UUID cycleId, UUID teamId, Sight sight) {
		StringBuilder sql = new StringBuilder("select id, title, level, team_id, parent_id, type from objective"
				+ " where cycle_id = ? and archived_at is null");
		List<Object> params = new ArrayList<>(List.of(cycleId));
		condition(sql, params, "team_id", teamId);
		sql.append(sight.sql(params));
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, i) -> new ObjectiveRow(Sql.uuid(rs, 1), cycleId, null, rs.getString(2), null,
					Level.valueOf(rs.getString(3)), Sql.uuid(rs, 4), null, Sql.uuid(rs, 5), null,
					ObjectiveType.valueOf(rs.getString(6)), null, null, null, null, null, 0))
			.list();
	}

	/**
	 * Which of these teams have an objective (created by {@code asOf}, if given) in a cycle that overlaps
	 * [start, end]; at most 1,000 teams per call (they are looked up by the team_id index).
	 */
	public List<UUID> teamsWithObjectivesBetween(Collection<UUID> teamIds, LocalDate start, LocalDate end,
			Instant asOf) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct o.team_id from objective o join cycle c on c.id = o.cycle_id"
				+ " where o.archived_at is null and o.team_id in (:teams) and c.start_date <= :end and c.end_date >= :start"
				+ (asOf != null ? " and o.created_at <= :asOf" : ""))
			.param("teams", teamIds)
			.param("start", start)
			.param("end", end)
			.param("asOf", Sql.ts(asOf))
			.query((rs, i) -> Sql.uuid(rs, 1))
			.list();
	}

	public List<RollupRow> rollupsInCycle(UUID cycleId, Sight sight) {
		List<Object> params = new ArrayList<>(List.of(cycleId));
		String visible = sight.sql(params);
		return jdbc.sql("select id, cycle_id, title, level, team_id, owner_id, type, final_score, rollup_progress,"
				+ " rollup_score, rollup_window_end, rollup_has_threshold, rollup_key_results"
				+ " from objective where cycle_id = ? and archived_at is null" + visible)
			.params(params)
			.query((rs, i) -> new RollupRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2), rs.getString(3),
					Level.valueOf(rs.getString(4)), Sql.uuid(rs, 5), Sql.uuid(rs, 6),
					ObjectiveType.valueOf(rs.getString(7)), Sql.dbl(rs, 8), Sql.dbl(rs, 9), Sql.dbl(rs, 10),
					Sql.date(rs, 11), Sql.bool(rs, 12), Sql.integer(rs, 13)))
			.list();
	}

	public void storeRollup(UUID id, double progress, double score, LocalDate windowEnd, boolean hasThreshold,
			int keyResults) {
		jdbc.sql("update objective set rollup_progress = ?, rollup_score = ?, rollup_window_end = ?,"
				+ " rollup_has_threshold = ?, rollup_key_results = ? where id = ?")
			.params(progress, score, windowEnd, hasThreshold, keyResults, id)
			.update();
	}

	public void freezeScore(UUID id, double score) {
		jdbc.sql("update objective set final_score = ? where id = ?").params(score, id).update();
	}

	/** Archives the objective (or restores it, {@code at} null) if the stored version is still {@code version}. */
	public boolean archive(UUID id, Instant at, long version) {
		return jdbc.sql("update objective set archived_at = ?, version = version + 1, revision = revision + 1"
				+ " where id = ? and version = ?")
			.params(Sql.ts(at), id, version)
			.update() == 1;
	}

	public void delete(UUID id) {
		jdbc.sql("delete from objective where id = ?").param(id).update();
	}
}
