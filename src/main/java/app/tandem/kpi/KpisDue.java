package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import app.tandem.identity.Caller;
import app.tandem.kpi.domain.Frequency;
import app.tandem.kpi.domain.KpiDue;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The KPIs a person owes something (the inbox's KPI part): those they own that are due a value or a review, most
 * overdue first. One query: every KPI row keeps the instant of its newest measurement ({@code latest_at}). KPIs
 * have no private kind, so whoever owns one sees it.
 */
@Service
public class KpisDue {

	private final JdbcClient jdbc;

	private final Clock clock;

	KpisDue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A KPI its owner owes a value, a review or both ({@code reasons}), with the instants they fell due;
	 * {@code dueSince} is the earlier.
	 */
	public record DueKpi(String kpiId, String key, String name, String teamId, String frequency,
			List<KpiDue.Reason> reasons, Instant dueSince, Instant latestAt, Instant valueDueSince,
			Integer reviewEveryDays, Instant lastReviewedAt, Instant reviewDueSince) {
	}

	public List<DueKpi> owedBy(Caller caller) {
		Instant now = Instant.now(clock);
		return jdbc.sql("""
				select id, kpi_key, name, team_id, frequency, formula, latest_at, review_every_days, last_reviewed_at,
				  created_at
				from kpi where owner_id = ?""")
			.param(caller.id())
			.query((rs, i) -> new Owned(Sql.uuid(rs, "id").toString(), rs.getString("kpi_key"), rs.getString("name"),
					Ids.str(Sql.uuid(rs, "team_id")), rs.getString("frequency"), rs.getString("formula") != null,
					Sql.instant(rs, "latest_at"), Sql.integer(rs, "review_every_days"),
					Sql.instant(rs, "last_reviewed_at"), Sql.instant(rs, "created_at")))
			.list()
			.stream()
			.map(kpi -> kpi.due(now))
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(DueKpi::dueSince).thenComparing(DueKpi::key))
			.toList();
	}

	/** An owned KPI as its row has it. */
	private record Owned(String id, String key, String name, String teamId, String frequency, boolean formula,
			Instant latestAt, Integer reviewEveryDays, Instant lastReviewedAt, Instant createdAt) {

		/** Null when nothing is due. */
		DueKpi due(Instant now) {
			KpiDue due = KpiDue.of(Frequency.valueOf(frequency), formula, latestAt, reviewEveryDays, lastReviewedAt,
					createdAt, now);
			return !due.any() ? null
					: new DueKpi(id, key, name, teamId, frequency, due.reasons(), due.since(), latestAt,
							due.valueDueSince(), reviewEveryDays, lastReviewedAt, due.reviewDueSince());
		}
	}

	/** The review part alone, for a KPI's page: since when it is due, or null. */
	public static Instant reviewDueSince(KpiView kpi, Instant now) {
		return KpiDue.reviewDueSince(kpi.reviewEveryDays(), kpi.lastReviewedAt(), kpi.createdAt(), now);
	}
}
