package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.kpi.domain.Frequency;
import app.tandem.kpi.domain.KpiDue;
import app.tandem.kpi.domain.KpiStatus;
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
		return due("k.owner_id = :who", caller.id());
	}

	/** What the teams' KPIs are owed, whoever owns them (a lead's view of the week). */
	public List<DueKpi> owedInTeams(Collection<UUID> teamIds) {
		return teamIds.isEmpty() ? List.of() : due("k.team_id in (:who)", teamIds);
	}

	private List<DueKpi> due(String which, Object who) {
		Instant now = Instant.now(clock);
		return jdbc.sql("""
				select k.id, k.kpi_key, k.name, k.team_id, k.frequency, k.formula, k.latest_at, k.review_every_days,
				  k.last_reviewed_at, k.created_at,
				  case when k.last_status = 'RED' then
				    (select max(e.at) from kpi_event e where e.kpi_id = k.id and e.to_status = 'RED') end as red_since
				from kpi k""" + " where " + which)
			.param("who", who)
			.query((rs, i) -> new Owned(Sql.uuid(rs, "id").toString(), rs.getString("kpi_key"), rs.getString("name"),
					Ids.str(Sql.uuid(rs, "team_id")), rs.getString("frequency"), rs.getString("formula") != null,
					Sql.instant(rs, "latest_at"), Sql.integer(rs, "review_every_days"),
					Sql.instant(rs, "last_reviewed_at"), Sql.instant(rs, "red_since"), Sql.instant(rs, "created_at")))
			.list()
			.stream()
			.map(kpi -> kpi.due(now))
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(DueKpi::dueSince).thenComparing(DueKpi::key))
			.toList();
	}

	/** An owned KPI as its row has it. */
	private record Owned(String id, String key, String name, String teamId, String frequency, boolean formula,
			Instant latestAt, Integer reviewEveryDays, Instant lastReviewedAt, Instant redSince, Instant createdAt) {

		/** Null when nothing is due. */
		DueKpi due(Instant now) {
			KpiDue due = KpiDue.of(Frequency.valueOf(frequency), formula, latestAt, reviewEveryDays, lastReviewedAt,
					redSince, createdAt, now);
			return !due.any() ? null
					: new DueKpi(id, key, name, teamId, frequency, due.reasons(), due.since(), latestAt,
							due.valueDueSince(), reviewEveryDays, lastReviewedAt, due.reviewDueSince());
		}
	}

	/** The review part alone, for a KPI's page: since when it is due, or null. */
	public Instant reviewDueSince(KpiView kpi) {
		Instant redSince = kpi.status() != KpiStatus.RED ? null
				: jdbc.sql("select max(at) from kpi_event where kpi_id = ? and to_status = 'RED'")
					.param(UUID.fromString(kpi.id()))
					.query((rs, i) -> Sql.instant(rs, 1))
					.single();
		return KpiDue.reviewDueSince(kpi.reviewEveryDays(), kpi.lastReviewedAt(), redSince, kpi.createdAt(),
				Instant.now(clock));
	}
}
