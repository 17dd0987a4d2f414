package app.tandem.okr.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import app.tandem.okr.domain.CheckInPoint;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.shared.Sql;
import app.tandem.shared.math.RunningFit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class KeyResultStore {

	/** A key result's check-ins, latest first: the order that says which one is current. */
	private static final String LATEST = " order by c.at desc, c.created_at desc, c.id desc limit 1";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	KeyResultStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public Optional<KeyResultRow> find(UUID id) {
		return jdbc.sql("select " + OkrRows.KEY_RESULT_COLUMNS + " from key_result where id = ?").param(id).query(OkrRows.KEY_RESULT).optional();
	}

	public List<KeyResultRow> ofObjective(UUID objectiveId) {
		return jdbc.sql("select " + OkrRows.KEY_RESULT_COLUMNS + " from key_result where objective_id = ? order by position, id").param(objectiveId)
			.query(OkrRows.KEY_RESULT).list();
	}

	public List<KeyResultRow> ofObjectives(Collection<UUID> objectiveIds) {
		return Sql.inChunks(objectiveIds, ids -> jdbc.sql("select " + OkrRows.KEY_RESULT_COLUMNS
				+ " from key_result where objective_id in (:ids) order by objective_id, position, id")
			.param("ids", ids).query(OkrRows.KEY_RESULT).list());
	}

	/**
	 * One read for a whole cycle, the dashboard's flat input: only the fields that scoring needs
	 * (no titles, owners or notes), grouped by objective (in no particular order within one).
	 */
	public List<KeyResultRow> scoringInCycle(UUID cycleId) {
		return jdbc.sql("select " + OkrRows.SCORING_COLUMNS
				+ " from key_result k join objective o on o.id = k.objective_id"
				+ " where o.cycle_id = ? order by k.objective_id")
			.param(cycleId).query(OkrRows.SCORING).list();
	}

	/**
	 * The key results of a cycle's objectives as the coach reads them: their definitions, the latest confidence,
	 * the in-range tally and the line (no positions, weights or values), of the objectives {@code sight} sees, of
	 * one team if given; in no particular order (the coach's rules need none), each to {@code each} as it is read.
	 */
	public void writtenInCycle(UUID cycleId, UUID teamId, Sight sight, Consumer<KeyResultRow> each) {
		// A join, as the dashboard's read: H2 answers "objective_id in (select …)" row by row (minutes for 40,000).
		StringBuilder sql = new StringBuilder(WRITTEN + " join objective o on o.id = k.objective_id where o.cycle_id = ?");
		List<Object> params = new java.util.ArrayList<>(List.of(cycleId));
		if (teamId != null) {
			sql.append(" and o.team_id = ?");
			params.add(teamId);
		}
		sql.append(sight.sql(params, "o."));
		// Row by row rather than a list: tens of thousands of rows, each dropped once read, stay out of the GC's way.
		jdbc.sql(sql.toString()).params(params).query(written(each));
	}

	/** The key results of these objectives as {@link #writtenInCycle} reads them; at most 1,000 objectives per call. */
	public void writtenOf(Collection<UUID> objectiveIds, Consumer<KeyResultRow> each) {
		if (!objectiveIds.isEmpty()) {
			jdbc.sql(WRITTEN + " where k.objective_id in (:ids) order by k.objective_id, k.position")
				.param("ids", objectiveIds)
				.query(written(each));
		}
	}

	/** What the coach reads of a key result: its definition, latest confidence, tally and line. */
	private static final String WRITTEN = "select k.id, k.objective_id, k.title, k.type, k.due_date,"
			+ " k.start_value, k.target_value, k.min_value, k.max_value, k.kpi_id, k.current_confidence,"
			+ " k.in_range_count, k.created_at, k.fit_n, k.fit_mean_x, k.fit_mean_y, k.fit_sxx, k.fit_sxy,"
			+ " k.fit_syy, k.fit_sse, k.fit_min_x, k.fit_max_x from key_result k";

	private static RowCallbackHandler written(Consumer<KeyResultRow> each) {
		return rs -> each.accept(new KeyResultRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2), 0,
				rs.getString(3), app.tandem.okr.domain.KeyResultType.valueOf(rs.getString(4)), null, 1, null,
				Sql.date(rs, 5), Sql.dbl(rs, 6), Sql.dbl(rs, 7), Sql.dbl(rs, 8), Sql.dbl(rs, 9), Sql.uuid(rs, 10), null,
				null, null, null, null, null, Sql.integer(rs, 11), null, 0, rs.getInt(12), OkrRows.fit(rs, 14),
				Sql.instant(rs, 13), 0));
	}

	/**
	 * Which of these KPIs measure a key result (created by {@code asOf}, if given) of a cycle that
	 * overlaps [start, end]; at most 1,000 KPIs per call (they are looked up by the kpi_id index).
	 */
	public List<UUID> measuringBetween(Collection<UUID> kpiIds, LocalDate start, LocalDate end, Instant asOf) {
		if (kpiIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct k.kpi_id from key_result k join objective o on o.id = k.objective_id"
				+ " join cycle c on c.id = o.cycle_id where k.kpi_id in (:kpis) and c.start_date <= :end"
				+ " and c.end_date >= :start" + (asOf != null ? " and k.created_at <= :asOf" : ""))
			.param("kpis", kpiIds)
			.param("start", start)
			.param("end", end)
			.param("asOf", Sql.ts(asOf))
			.query((rs, i) -> Sql.uuid(rs, 1))
			.list();
	}

	public record Measured(UUID kpiId, UUID keyResultId, LocalDate cycleStart, LocalDate cycleEnd) {
	}

	/** Key results in cycles not closed that one of the KPIs measures. */
	public List<Measured> measuredBy(Collection<UUID> kpiIds) {
		if (kpiIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select k.kpi_id, k.id, c.start_date, c.end_date from key_result k"
				+ " join objective o on o.id = k.objective_id join cycle c on c.id = o.cycle_id"
				+ " where k.kpi_id in (:ids) and c.closed_at is null order by k.id")
			.param("ids", kpiIds)
			.query((rs, i) -> new Measured(Sql.uuid(rs, 1), Sql.uuid(rs, 2), Sql.date(rs, 3), Sql.date(rs, 4)))
			.list();
	}

	/** A key result with the title of its objective. */
	public record WithObjective(KeyResultRow keyResult, String objectiveTitle) {
	}

	/** An owner's key results in cycles that are open on {@code day}, without a check-in since {@code quietSince}. */
	public List<WithObjective> quietOnes(UUID ownerId, LocalDate day, Instant quietSince) {
		return jdbc.sql("select " + OkrRows.keyResultColumns("k") + ", o.title as objective_title"
				+ " from key_result k join objective o on o.id = k.objective_id join cycle c on c.id = o.cycle_id"
				+ " where k.owner_id = ? and o.archived_at is null and c.closed_at is null and c.start_date <= ? and c.end_date >= ?"
				+ " and (k.last_check_in_at is null or k.last_check_in_at < ?) order by k.id")
			.params(ownerId, day, day, Sql.ts(quietSince))
			.query((rs, i) -> new WithObjective(OkrRows.KEY_RESULT.mapRow(rs, i), rs.getString("objective_title")))
			.list();
	}

	/** As {@link #quietOnes}, for the key results of the teams' objectives, whoever owns them. */
	public List<WithObjective> quietOnesOfTeams(java.util.Collection<UUID> teamIds, LocalDate day, Instant quietSince) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + OkrRows.keyResultColumns("k") + ", o.title as objective_title"
				+ " from key_result k join objective o on o.id = k.objective_id join cycle c on c.id = o.cycle_id"
				+ " where o.team_id in (:teams) and o.archived_at is null and c.closed_at is null and c.start_date <= :day and c.end_date >= :day"
				+ " and (k.last_check_in_at is null or k.last_check_in_at < :quiet) order by k.id")
			.param("teams", teamIds)
			.param("day", day)
			.param("quiet", Sql.ts(quietSince))
			.query((rs, i) -> new WithObjective(OkrRows.KEY_RESULT.mapRow(rs, i), rs.getString("objective_title")))
			.list();
	}

	public int countOf(UUID objectiveId) {
		return jdbc.sql("select count(*) from key_result where objective_id = ?").param(objectiveId)
			.query(Integer.class).single();
	}

	public int nextPosition(UUID objectiveId) {
		return jdbc.sql("select coalesce(max(position), -1) + 1 from key_result where objective_id = ?")
			.param(objectiveId).query(Integer.class).single();
	}

	public long countAlignedTo(UUID keyResultId) {
		return jdbc.sql("select count(*) from objective where parent_key_result_id = ?").param(keyResultId)
			.query(Long.class).single();
	}

	public void insert(KeyResultRow row) {
		revise(row.objectiveId());
		jdbc.sql("""
				insert into key_result (id, objective_id, position, title, type, unit, weight, owner_id, due_date,
				  start_value, target_value, min_value, max_value, kpi_id, grade, grade_note, final_score,
				  carried_from_id, check_in_count, in_range_count, fit_n, fit_mean_x, fit_mean_y, fit_sxx, fit_sxy,
				  fit_syy, fit_sse, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, 0)""")
			.params(row.id(), row.objectiveId(), row.position(), row.title(), row.type().name(), row.unit(),
					row.weight(), row.ownerId(), row.dueDate(), row.startValue(), row.targetValue(), row.minValue(),
					row.maxValue(), row.kpiId(), row.grade(), row.gradeNote(), row.finalScore(), row.carriedFromId(),
					Sql.ts(row.createdAt()))
			.update();
	}

	/** Writes the definition fields of {@code row} if the stored version is still {@code row.version()}. */
	public boolean update(KeyResultRow row) {
		reviseObjectiveOf(row.id());
		revise(row.objectiveId());
		return jdbc.sql("""
				update key_result set objective_id = ?, position = ?, title = ?, unit = ?, weight = ?, owner_id = ?,
				  due_date = ?, start_value = ?, target_value = ?, min_value = ?, max_value = ?, kpi_id = ?, grade = ?,
				  grade_note = ?, version = version + 1
				where id = ? and version = ?""")
			.params(row.objectiveId(), row.position(), row.title(), row.unit(), row.weight(), row.ownerId(),
					row.dueDate(), row.startValue(), row.targetValue(), row.minValue(), row.maxValue(), row.kpiId(),
					row.grade(), row.gradeNote(), row.id(), row.version())
			.update() == 1;
	}

	/**
	 * Takes a check-in, inserted already, into the latest value, achieved flag and confidence, the tally and, with
	 * {@code fitX} (its x when it has a value and falls in the cycle: days since the key result was created), the
	 * line. A check-in changes only what it carries: each latest field is the one of the latest check-in (by at, then
	 * created_at, then id, as {@link #refreshTally} orders them) that carries it, so a back-dated check-in does not
	 * replace a later one and a note does not erase a value. Counts and the line are sums, so concurrent check-ins add
	 * up whatever their order; the latest fields read the other check-ins, which is why every check-in locks its
	 * objective first ({@code ObjectiveRollups.lock}). The line's update is {@code RunningFit.plus} in SQL.
	 */
	public void applyCheckIn(CheckInRow checkIn, boolean inCycle, boolean inRange, Double fitX) {
		Double value = checkIn.value();
		String fit = fitX == null || value == null ? "" : """
				,
				  fit_n = fit_n + 1,
				  fit_mean_x = fit_mean_x + (:x - fit_mean_x) / (fit_n + 1),
				  fit_mean_y = fit_mean_y + (:value - fit_mean_y) / (fit_n + 1),
				  fit_sxx = fit_sxx + (:x - fit_mean_x) * (:x - fit_mean_x) * fit_n / (fit_n + 1),
				  fit_sxy = fit_sxy + (:x - fit_mean_x) * (:value - fit_mean_y) * fit_n / (fit_n + 1),
				  fit_syy = fit_syy + (:value - fit_mean_y) * (:value - fit_mean_y) * fit_n / (fit_n + 1),
				  fit_sse = case when fit_n < 2 then 0
				    when fit_sxx = 0 then case when :x = fit_mean_x then 0 else fit_syy end
				    else fit_sse + (:value - fit_mean_y - fit_sxy / fit_sxx * (:x - fit_mean_x))
				      * (:value - fit_mean_y - fit_sxy / fit_sxx * (:x - fit_mean_x))
				      / (1 + (cast(1 as double precision) / fit_n + (:x - fit_mean_x) * (:x - fit_mean_x) / fit_sxx)) end,
				  fit_min_x = case when fit_n = 0 then :x else least(fit_min_x, :x) end,
				  fit_max_x = case when fit_n = 0 then :x else greatest(fit_max_x, :x) end""";
		var statement = jdbc.sql("update key_result set\n"
				+ "  current_value = case when cast(:value as double precision) is null or " + laterCarrying("amount")
				+ " then current_value else :value end,\n"
				+ "  current_achieved = case when cast(:achieved as boolean) is null or " + laterCarrying("achieved")
				+ " then current_achieved else :achieved end,\n"
				+ "  current_confidence = case when cast(:confidence as integer) is null or " + laterCarrying("confidence")
				+ " then current_confidence else :confidence end,\n"
				+ "  last_check_in_at = case when last_check_in_at is null or last_check_in_at < :at then :at"
				+ " else last_check_in_at end,\n"
				+ "  check_in_count = check_in_count + :counted, in_range_count = in_range_count + :inRange"
				+ fit + "\nwhere id = :id")
			.param("at", Sql.ts(checkIn.at()))
			.param("createdAt", Sql.ts(checkIn.createdAt()))
			.param("checkIn", checkIn.id())
			.param("value", value)
			.param("achieved", checkIn.achieved())
			.param("confidence", checkIn.confidence())
			.param("counted", inCycle && value != null ? 1 : 0)
			.param("inRange", inCycle && value != null && inRange ? 1 : 0)
			.param("id", checkIn.keyResultId());
		if (!fit.isEmpty()) {
			statement = statement.param("x", fitX);
		}
		statement.update();
		reviseObjectiveOf(checkIn.keyResultId());
	}

	/**
	 * Moves the objective's revision on: every write to a key result does, for the coach keeps an objective's findings
	 * until its revision moves. The objective is locked already ({@code ObjectiveRollups.lock}) by every write.
	 */
	private void revise(UUID objectiveId) {
		jdbc.sql("update objective set revision = revision + 1 where id = ?").param(objectiveId).update();
	}

	private void reviseObjectiveOf(UUID keyResultId) {
		jdbc.sql(REVISE_OBJECTIVE_OF).param(keyResultId).update();
	}

	private static final String REVISE_OBJECTIVE_OF = "update objective set revision = revision + 1"
			+ " where id = (select objective_id from key_result where id = ?)";

	/** Whether a check-in after (:at, :createdAt, :checkIn), in the order of {@link #LATEST}, carries {@code column}. */
	private static String laterCarrying(String column) {
		return "exists (select 1 from check_in c where c.key_result_id = :id and c." + column + " is not null"
				+ " and (c.at > :at or (c.at = :at and (c.created_at > :createdAt"
				+ " or (c.created_at = :createdAt and c.id > :checkIn)))))";
	}

	/**
	 * Recomputes the latest fields, the tally and the line from the check-ins (after a range or cycle change), by the
	 * same rule as {@link #applyCheckIn}: each latest field from the latest check-in that carries it, the tally over
	 * the cycle's check-ins with a value. {@code origin}: the key result's creation, x = 0 of its line.
	 */
	public void refreshTally(UUID id, LocalDate cycleStart, LocalDate cycleEnd, Instant origin) {
		var from = cycleStart.atStartOfDay().atOffset(ZoneOffset.UTC);
		var until = cycleEnd.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
		jdbc.sql("update key_result set\n"
				+ "  current_value = (select c.amount from check_in c where c.key_result_id = :id"
				+ " and c.amount is not null" + LATEST + "),\n"
				+ "  current_achieved = (select c.achieved from check_in c where c.key_result_id = :id"
				+ " and c.achieved is not null" + LATEST + "),\n"
				+ "  current_confidence = (select c.confidence from check_in c where c.key_result_id = :id"
				+ " and c.confidence is not null" + LATEST + "),\n"
				+ """
				  last_check_in_at = (select max(c.at) from check_in c where c.key_result_id = :id),
				  check_in_count = (select count(*) from check_in c where c.key_result_id = :id
				                   and c.at >= :from and c.at < :until and c.amount is not null),
				  in_range_count = (select count(*) from check_in c where c.key_result_id = :id
				                   and c.at >= :from and c.at < :until
				                   and c.amount >= key_result.min_value and c.amount <= key_result.max_value)
				where id = :id""")
			.param("id", id)
			.param("from", from)
			.param("until", until)
			.update();
		reviseObjectiveOf(id);
		RunningFit fit = RunningFit.EMPTY;
		for (CheckInPoint point : jdbc.sql("""
				select at, amount from check_in where key_result_id = :id and amount is not null
				and at >= :from and at < :until order by at, created_at, id""")
			.param("id", id)
			.param("from", from)
			.param("until", until)
			.query((rs, i) -> new CheckInPoint(Sql.instant(rs, 1), rs.getDouble(2)))
			.list()) {
			fit = fit.plus(KeyResultForecast.daysSince(origin, point.at()), point.value());
		}
		storeFits(List.of(Map.entry(id, fit)));
	}

	/**
	 * Writes lines computed elsewhere (from the check-ins) onto their key results. The objectives' revisions are the
	 * callers' to move: {@link #refreshTally} moves its own, a restore moves every one (a bump per key result here
	 * left 40,000 dead rows of 10,000 objectives after restoring the benchmark's organisation).
	 */
	public void storeFits(List<Map.Entry<UUID, RunningFit>> fits) {
		var batch = new java.util.ArrayList<Object[]>(fits.size());
		for (var entry : fits) {
			RunningFit f = entry.getValue();
			batch.add(new Object[] { f.n(), f.meanX(), f.meanY(), f.sxx(), f.sxy(), f.syy(), f.sse(),
					f.n() == 0 ? null : f.minX(), f.n() == 0 ? null : f.maxX(), entry.getKey() });
		}
		template.batchUpdate("""
				update key_result set fit_n = ?, fit_mean_x = ?, fit_mean_y = ?, fit_sxx = ?, fit_sxy = ?, fit_syy = ?,
				  fit_sse = ?, fit_min_x = ?, fit_max_x = ?
				where id = ?""", batch);
	}

	/** A key result whose line is to be computed from its check-ins: its origin (creation) and cycle days. */
	public record LineInput(UUID id, Instant origin, LocalDate cycleStart, LocalDate cycleEnd) {
	}

	/** Key results with their cycle's days, all of them or those whose line was never computed. */
	public List<LineInput> lineInputs(boolean onlyMissing) {
		return jdbc.sql("select k.id, k.created_at, c.start_date, c.end_date from key_result k"
				+ " join objective o on o.id = k.objective_id join cycle c on c.id = o.cycle_id"
				+ (onlyMissing ? " where k.fit_n is null" : "") + " order by k.id")
			.query((rs, i) -> new LineInput(Sql.uuid(rs, 1), Sql.instant(rs, 2), Sql.date(rs, 3), Sql.date(rs, 4)))
			.list();
	}

	public void freezeScore(UUID id, double score) {
		jdbc.sql("update key_result set final_score = ? where id = ?").params(score, id).update();
	}

	public void delete(UUID id) {
		reviseObjectiveOf(id);
		jdbc.sql("delete from check_in where key_result_id = ?").param(id).update();
		jdbc.sql("delete from key_result_change where key_result_id = ?").param(id).update();
		jdbc.sql("delete from key_result where id = ?").param(id).update();
	}
}
