package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tandem.kpi.domain.KpiForecast;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The organisation's KPI definitions, by id and by key. */
@Service
public class KpiCatalog {

	private static final RowMapper<KpiDefinition> ROW = (rs, i) -> new KpiDefinition(Sql.uuid(rs, "id"),
			rs.getString("kpi_key"), rs.getString("name"), rs.getString("definition"), rs.getString("reason"),
			rs.getString("data_source"), rs.getString("unit"), rs.getString("direction"), Sql.dbl(rs, "target"),
			Sql.dbl(rs, "warning_threshold"), Sql.dbl(rs, "lower_bound"), Sql.dbl(rs, "upper_bound"),
			Sql.dbl(rs, "warning_margin"), rs.getString("frequency"), rs.getString("indicator"),
			rs.getString("perspective"), rs.getString("aggregation"), rs.getString("formula"), Sql.uuid(rs, "team_id"),
			Sql.uuid(rs, "owner_id"), Sql.integer(rs, "review_every_days"), Sql.instant(rs, "last_reviewed_at"));

	private static final RowMapper<KpiView> VIEW = (rs, i) -> new KpiView(Sql.uuid(rs, "id").toString(),
			rs.getString("kpi_key"), rs.getString("name"), rs.getString("definition"), rs.getString("reason"),
			rs.getString("data_source"), rs.getString("unit"), rs.getString("direction"), Sql.dbl(rs, "target"),
			Sql.dbl(rs, "warning_threshold"), Sql.dbl(rs, "lower_bound"), Sql.dbl(rs, "upper_bound"),
			Sql.dbl(rs, "warning_margin"), rs.getString("frequency"), rs.getString("indicator"),
			rs.getString("perspective"), rs.getString("aggregation"), rs.getString("formula"),
			Ids.str(Sql.uuid(rs, "team_id")), Ids.str(Sql.uuid(rs, "owner_id")), Sql.integer(rs, "review_every_days"),
			Sql.instant(rs, "last_reviewed_at"), Sql.dbl(rs, "latest_value"), Sql.instant(rs, "latest_at"),
			rs.getString("last_status") == null ? KpiStatus.NO_DATA : KpiStatus.valueOf(rs.getString("last_status")),
			null, Sql.dbl(rs, "trend"), null, null, null, Sql.instant(rs, "created_at"), rs.getLong("version"),
			List.of());

	/** The forecast as stored with the reading, or null on a row whose reading predates forecasts. */
	private static final RowMapper<KpiForecast> FORECAST = (rs, i) -> {
		Integer periods = Sql.integer(rs, "forecast_periods");
		String reason = rs.getString("forecast_reason");
		if (periods != null) {
			return new KpiForecast(true, null, periods, Sql.instant(rs, "forecast_at"), Sql.dbl(rs, "forecast_value"),
					Sql.dbl(rs, "forecast_low"), Sql.dbl(rs, "forecast_high"), Sql.instant(rs, "forecast_warning_at"),
					Sql.instant(rs, "forecast_target_at"));
		}
		if (reason != null) {
			return KpiForecast.unavailable(reason);
		}
		// never read: without values there is nothing to forecast; with values, not yet computed
		return Sql.instant(rs, "latest_at") == null ? KpiForecast.withoutValues() : null;
	};

	/** A KPI as the API shows it, with its stored forecast (null: to be computed). */
	record StoredView(KpiView view, KpiForecast forecast) {
	}

	private static final RowMapper<StoredView> STORED = (rs, i) -> new StoredView(VIEW.mapRow(rs, i),
			FORECAST.mapRow(rs, i));

	private final JdbcClient jdbc;

	private final Clock clock;

	KpiCatalog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A KPI named by its id or its key. */
	public Optional<KpiDefinition> find(String idOrKey) {
		UUID id = Ids.tryParse(idOrKey);
		return id != null ? jdbc.sql("select * from kpi where id = ?").param(id).query(ROW).optional()
				: jdbc.sql("select * from kpi where kpi_key = ?").param(idOrKey).query(ROW).optional();
	}

	public KpiDefinition get(String idOrKey) {
		return find(idOrKey).orElseThrow(() -> new NotFoundException("KPI", idOrKey));
	}

	/** KPIs as their rows show them (no forecast, no findings): for other modules' reads. */
	public List<KpiView> rowViews(UUID after, int limit) {
		return list(after, limit).stream().map(StoredView::view).toList();
	}

	/** One KPI as its row shows it; 404 when there is none. */
	public KpiView rowView(UUID id) {
		return view(id).view();
	}

	List<StoredView> list(UUID after, int limit) {
		return jdbc.sql("select * from kpi where (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("after", after)
			.param("limit", limit)
			.query(STORED)
			.list();
	}

	/** The rows a {@link KpiSelection} query answers, as stored views. */
	List<StoredView> select(String sql, Map<String, ?> params) {
		return jdbc.sql(sql).params(params).query(STORED).list();
	}

	/** These KPIs' definitions (those that exist). */
	List<KpiDefinition> definitions(Collection<UUID> ids) {
		return ids.isEmpty() ? List.of()
				: jdbc.sql("select * from kpi where id in (:ids)").param("ids", ids).query(ROW).list();
	}

	StoredView view(UUID id) {
		return jdbc.sql("select * from kpi where id = ?").param(id).query(STORED).optional()
			.orElseThrow(() -> new NotFoundException("KPI", id));
	}

	/** The value the KPI shows, as its last ingestion stored it (null without values). */
	Double latestValue(UUID id) {
		return jdbc.sql("select latest_value from kpi where id = ?").param(id).query(Double.class).optional()
			.orElse(null);
	}

	public long version(UUID id) {
		return jdbc.sql("select version from kpi where id = ?").param(id).query(Long.class).single();
	}

	/** Writes every field of {@code kpi} (its id names the row) if the row is still at {@code version}. */
	public boolean update(KpiDefinition kpi, long version) {
		return jdbc.sql("""
				update kpi set name = ?, definition = ?, reason = ?, data_source = ?, unit = ?, direction = ?,
				  target = ?, warning_threshold = ?, lower_bound = ?, upper_bound = ?, warning_margin = ?,
				  frequency = ?, indicator = ?, perspective = ?, aggregation = ?, formula = ?, team_id = ?,
				  owner_id = ?, review_every_days = ?, last_reviewed_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(kpi.name(), kpi.definition(), kpi.reason(), kpi.dataSource(), kpi.unit(), kpi.direction(),
					kpi.target(), kpi.warningThreshold(), kpi.lowerBound(), kpi.upperBound(), kpi.warningMargin(),
					kpi.frequency(), kpi.indicator(), kpi.perspective(), kpi.aggregation(), kpi.formula(),
					kpi.teamId(), kpi.ownerId(), kpi.reviewEveryDays(), Sql.ts(kpi.lastReviewedAt()), kpi.id(), version)
			.update() == 1;
	}

	/** Sets when it was last reviewed, nothing else; moves the version on so that a PATCH read before does not undo it. */
	void markReviewed(UUID id, Instant at) {
		jdbc.sql("update kpi set last_reviewed_at = ?, version = version + 1 where id = ?").params(Sql.ts(at), id)
			.update();
	}

	public long linkedKeyResults(UUID id) {
		return jdbc.sql("select count(*) from key_result where kpi_id = ?").param(id).query(Long.class).single();
	}

	public void delete(UUID id) {
		jdbc.sql("delete from kpi_event where kpi_id = ?").param(id).update();
		jdbc.sql("delete from measurement_day where kpi_id = ?").param(id).update();
		jdbc.sql("delete from measurement where kpi_id = ?").param(id).update();
		jdbc.sql("delete from kpi where id = ?").param(id).update();
	}

	/** A KPI's status as stored at its last ingestion or definition change. */
	public record StoredStatus(String id, String key, String name, String perspective, KpiStatus status) {
	}

	public List<StoredStatus> statuses() {
		return jdbc.sql("select id, kpi_key, name, perspective, last_status from kpi order by kpi_key")
			.query((rs, i) -> new StoredStatus(Sql.uuid(rs, 1).toString(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5) == null ? KpiStatus.NO_DATA : KpiStatus.valueOf(rs.getString(5))))
			.list();
	}

	/**
	 * Each KPI's status as Tandem recorded it at {@code asOf}: the last status change up to then
	 * (NO_DATA before the first), for the KPIs that existed then. Changes to a KPI's definition
	 * since then do not rewrite it.
	 */
	public List<StoredStatus> statusesAsOf(Instant asOf) {
		return jdbc.sql("""
				select k.id, k.kpi_key, k.name, k.perspective,
				       (select e.to_status from kpi_event e where e.kpi_id = k.id and e.at <= ?
				        order by e.at desc, e.id desc fetch first 1 row only) as status
				from kpi k where k.created_at <= ? order by k.kpi_key""")
			.params(Sql.ts(asOf), Sql.ts(asOf))
			.query((rs, i) -> new StoredStatus(Sql.uuid(rs, 1).toString(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5) == null ? KpiStatus.NO_DATA : KpiStatus.valueOf(rs.getString(5))))
			.list();
	}

	public List<KpiDefinition> all() {
		return jdbc.sql("select * from kpi order by kpi_key").query(ROW).list();
	}

	/** Which of the keys name a KPI. */
	Set<String> existingKeys(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select kpi_key from kpi where kpi_key in (:keys)").param("keys", keys)
			.query(String.class).list());
	}

	/** The KPIs computed from a formula. */
	List<KpiDefinition> formulas() {
		return jdbc.sql("select * from kpi where formula is not null order by kpi_key").query(ROW).list();
	}

	public Optional<UUID> idByKey(String key) {
		return jdbc.sql("select id from kpi where kpi_key = ?").param(key).query(UUID.class).optional();
	}

	/** Saves a definition that {@link KpiDefinition#problems()} found valid; answers its id. */
	public UUID create(KpiDefinition kpi) {
		if (!kpi.problems().isEmpty()) {
			throw new IllegalArgumentException("invalid KPI definition: " + kpi.problems().get(0)[0]);
		}
		UUID id = Ids.next();
		jdbc.sql("""
				insert into kpi (id, kpi_key, name, definition, reason, data_source, unit, direction, target,
				  warning_threshold, lower_bound, upper_bound, warning_margin, frequency, indicator, perspective,
				  aggregation, formula, team_id, owner_id, review_every_days, last_reviewed_at, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(id, kpi.key(), kpi.name(), kpi.definition(), kpi.reason(), kpi.dataSource(), kpi.unit(),
					kpi.direction(), kpi.target(), kpi.warningThreshold(), kpi.lowerBound(), kpi.upperBound(),
					kpi.warningMargin(), kpi.frequency(), kpi.indicator(), kpi.perspective(), kpi.aggregation(),
					kpi.formula(), kpi.teamId(), kpi.ownerId(), kpi.reviewEveryDays(), Sql.ts(kpi.lastReviewedAt()),
					Sql.ts(Instant.now(clock)))
			.update();
		return id;
	}
}
