package app.tandem.okr;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.tandem.shared.Sql;

/**
 * How far a new organisation has come with its OKRs, for the admin's first-steps checklist: is there a cycle, an
 * objective, a check-in. Each a read of at most one row, whatever the organisation's size.
 */
@Service
public class OkrFirstSteps {

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	OkrFirstSteps(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The cycle to offer next: the quarter after the last cycle, or today's ({@link SuggestedCycle}). */
	public app.tandem.okr.domain.SuggestedCycle suggestedCycle() {
		return app.tandem.okr.domain.SuggestedCycle.after(
				jdbc.sql("select end_date from cycle").query(java.time.LocalDate.class).list(),
				java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
	}

	public Steps steps() {
		boolean cycle = exists("select id from cycle");
		Optional<UUID> objective = jdbc
			.sql("select id from objective where draft = false and archived_at is null order by id fetch first 1 rows only")
			.query((rs, i) -> Sql.uuid(rs, "id"))
			.optional();
		boolean checkIn = exists("select id from check_in");
		return new Steps(cycle, objective.map(UUID::toString).orElse(null), checkIn);
	}

	private boolean exists(String select) {
		return jdbc.sql(select + " fetch first 1 rows only").query((rs, i) -> true).optional().isPresent();
	}

	/** {@code objectiveId}: one published objective to check in on, if there is one. */
	public record Steps(boolean cycle, String objectiveId, boolean checkIn) {
	}
}
