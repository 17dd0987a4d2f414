package app.tandem.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one node of the cluster at a time, as ShedLock does: a row per job in
 * {@code cluster_lock} says until when which node holds it. Taking it is one conditional update
 * (or the first insert), so of several nodes whose schedules fire together exactly one gets it.
 * A node that dies holding it blocks the job only until {@code atMostFor} has passed;
 * {@code atLeastFor} keeps it held after a quick run, so a node whose clock or schedule is a little
 * behind does not run the same round again. Nodes' clocks must agree to well within that.
 */
@Component
public class ClusterLock {

	private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String node;

	public ClusterLock(JdbcClient jdbc, Clock clock, @Value("${tandem.node-id:}") String node) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = NodeId.of(node);
	}

	/** Runs {@code job} if no other node holds {@code name}; whether it ran. Call outside a transaction. */
	public boolean runOnce(String name, Duration atMostFor, Duration atLeastFor, Runnable job) {
		Instant start = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (!take(name, start, start.plus(atMostFor))) {
			log.debug("{} runs on another node", name);
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			Instant end = Instant.now(clock);
			Instant until = start.plus(atLeastFor).isAfter(end) ? start.plus(atLeastFor) : end;
			jdbc.sql("update cluster_lock set locked_until = ? where name = ? and locked_by = ? and locked_at = ?")
				.params(Sql.ts(until), name, node, Sql.ts(start))
				.update();
		}
	}

	private boolean take(String name, Instant now, Instant until) {
		int taken = jdbc.sql("""
				update cluster_lock set locked_until = ?, locked_at = ?, locked_by = ?
				where name = ? and locked_until <= ?""")
			.params(Sql.ts(until), Sql.ts(now), node, name, Sql.ts(now))
			.update();
		if (taken == 1) {
			return true;
		}
		try {
			// Autocommitted on its own: a duplicate key aborts nothing but this statement.
			return jdbc.sql("insert into cluster_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, ?)")
				.params(name, Sql.ts(until), Sql.ts(now), node)
				.update() == 1;
		}
		catch (DuplicateKeyException heldOrJustTaken) {
			return false;
		}
	}
}
