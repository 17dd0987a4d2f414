package app.tandem.kpi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.kpi.domain.BucketValue;
import app.tandem.kpi.domain.KpiStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs a page shows, counted and read a part at a time: the board, the scorecard and Home filter and order in
 * the database, so that a page's time follows what it shows, not how many KPIs the organisation keeps.
 */
@Service
@Transactional(readOnly = true)
public class KpiSelection {

	/**
	 * Which KPIs: of any of these teams (empty: of any team or none), of this perspective (null: any; "": none),
	 * of this kind of indicator (null: any).
	 */
	public record Filter(Set<UUID> teams, String perspective, String indicator) {

		public static Filter all() {
			return new Filter(Set.of(), null, null);
		}

		public Filter inPerspective(String perspective) {
			return new Filter(teams, perspective == null ? "" : perspective, indicator);
		}
	}

	/** In which order a part lists its KPIs. */
	public enum Order {
		/** By name, as a person looks one up. */
		NAME,
		/** Red first, then amber, green and those without data, each by name: what needs attention first. */
		WORST_FIRST
	}

	/** How many KPIs a filter selects, per perspective ("" for none) and status. */
	public record Counts(Map<String, Map<KpiStatus, Long>> byPerspective) {

		public long of(String perspective) {
			return byPerspective.getOrDefault(perspective == null ? "" : perspective, Map.of()).values().stream()
				.mapToLong(Long::longValue)
				.sum();
		}

		public long total() {
			return byPerspective.keySet().stream().mapToLong(this::of).sum();
		}

		/** The statuses of a perspective's KPIs that any has, in the order of {@link KpiStatus}. */
		public Map<KpiStatus, Long> statuses(String perspective) {
			return byPerspective.getOrDefault(perspective == null ? "" : perspective, Map.of());
		}
	}

	private final JdbcClient jdbc;

	private final KpiCatalog catalog;

	private final KpiViews views;

	private final KpiReadings readings;

	KpiSelection(JdbcClient jdbc, KpiCatalog catalog, KpiViews views, KpiReadings readings) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.views = views;
		this.readings = readings;
	}

	public Counts counts(Filter filter) {
		Map<String, Object> params = new HashMap<>();
		Map<String, Map<KpiStatus, Long>> counts = new LinkedHashMap<>();
		jdbc.sql("select perspective, last_status, count(*) as n from kpi where " + where(filter, params)
				+ " group by perspective, last_status")
			.params(params)
			.query(rs -> {
				String perspective = rs.getString("perspective");
				String status = rs.getString("last_status");
				counts.computeIfAbsent(perspective == null ? "" : perspective, p -> new EnumMap<>(KpiStatus.class))
					.merge(status == null ? KpiStatus.NO_DATA : KpiStatus.valueOf(status), rs.getLong("n"), Long::sum);
			});
		return new Counts(counts);
	}

	/** The KPIs from {@code offset} on, at most {@code limit}, complete with forecast and findings. */
	public List<KpiView> part(Filter filter, Order order, int offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		String sql = "select * from kpi where " + where(filter, params) + " order by "
				+ (order == Order.WORST_FIRST ? "case last_status when 'RED' then 0 when 'AMBER' then 1"
						+ " when 'GREEN' then 2 else 3 end, " : "")
				+ "lower(name), kpi_key limit :limit offset :offset";
		params.put("limit", Math.max(0, limit));
		params.put("offset", Math.max(0, offset));
		return views.completed(catalog.select(sql, params));
	}

	/** Each KPI's last {@code periods} periods up to its newest value, by id (none for a KPI without values). */
	public Map<String, List<BucketValue>> recent(List<KpiView> kpis, int periods) {
		Map<UUID, java.time.Instant> newest = new HashMap<>();
		for (KpiView kpi : kpis) {
			if (kpi.latestAt() != null) {
				newest.put(UUID.fromString(kpi.id()), kpi.latestAt());
			}
		}
		Map<String, List<BucketValue>> recent = new HashMap<>();
		readings.recent(catalog.definitions(newest.keySet()), newest, periods)
			.forEach((id, series) -> recent.put(id.toString(), series));
		return recent;
	}

	/** The perspective of each of these KPIs that has one, by id. */
	public Map<String, String> perspectivesOf(java.util.Collection<String> ids) {
		List<UUID> uuids = ids.stream().map(app.tandem.shared.Ids::tryParse).filter(java.util.Objects::nonNull)
			.toList();
		Map<String, String> perspectives = new HashMap<>();
		if (!uuids.isEmpty()) {
			jdbc.sql("select id, perspective from kpi where perspective is not null and id in (:ids)")
				.param("ids", uuids)
				.query(rs -> {
					perspectives.put(app.tandem.shared.Sql.uuid(rs, "id").toString(), rs.getString("perspective"));
				});
		}
		return perspectives;
	}

	private static String where(Filter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("1 = 1");
		if (!filter.teams().isEmpty()) {
			conditions.add("team_id in (:teams)");
			params.put("teams", filter.teams());
		}
		if (filter.perspective() != null) {
			if (filter.perspective().isEmpty()) {
				conditions.add("perspective is null");
			}
			else {
				conditions.add("perspective = :perspective");
				params.put("perspective", filter.perspective());
			}
		}
		if (filter.indicator() != null) {
			conditions.add("indicator = :indicator");
			params.put("indicator", filter.indicator());
		}
		return String.join(" and ", conditions);
	}
}
