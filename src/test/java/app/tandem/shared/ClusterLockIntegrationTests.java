package app.tandem.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several nodes on one database (here: locks with different node ids), one runs the job. */
@TandemIntegrationTest
class ClusterLockIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	private ClusterLock node(String id) {
		return new ClusterLock(jdbc, Clock.systemUTC(), id);
	}

	@Test
	void ofNodesFiringTogetherExactlyOneRunsTheJob() throws Exception {
		String job = "job-" + System.nanoTime();
		int nodes = 6;
		for (int round = 0; round < 5; round++) {
			AtomicInteger ran = new AtomicInteger();
			CyclicBarrier together = new CyclicBarrier(nodes);
			ExecutorService pool = Executors.newFixedThreadPool(nodes);
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				ClusterLock lock = node("node-" + i);
				answers.add(pool.submit(() -> {
					together.await();
					return lock.runOnce(job, Duration.ofMinutes(1), Duration.ZERO, () -> {
						ran.incrementAndGet();
						sleep(300);
					});
				}));
			}
			int yes = 0;
			for (Future<Boolean> answer : answers) {
				yes += answer.get() ? 1 : 0;
			}
			pool.shutdown();
			assertThat(ran.get()).as("round %d", round).isEqualTo(1);
			assertThat(yes).isEqualTo(1);
		}
	}

	@Test
	void aQuickRunKeepsTheLockForAtLeastItsRound() {
		String job = "job-" + System.nanoTime();
		assertThat(node("a").runOnce(job, Duration.ofMinutes(5), Duration.ofMinutes(1), () -> {
		})).isTrue();
		assertThat(node("b").runOnce(job, Duration.ofMinutes(5), Duration.ofMinutes(1), () -> {
		})).as("another node's schedule, a little late for the same round").isFalse();
		assertThat(node("c").runOnce(job + "-other", Duration.ofMinutes(5), Duration.ZERO, () -> {
		})).as("another job").isTrue();
	}

	@Test
	void aLockLeftByADeadNodeIsTakenOverOnceItExpires() {
		String job = "job-" + System.nanoTime();
		Instant past = Instant.now().minusSeconds(60);
		jdbc.sql("insert into cluster_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, 'dead')")
			.params(job, Sql.ts(past.plusSeconds(30)), Sql.ts(past))
			.update();
		AtomicInteger ran = new AtomicInteger();
		assertThat(node("alive").runOnce(job, Duration.ofMinutes(1), Duration.ZERO, ran::incrementAndGet)).isTrue();
		assertThat(ran.get()).isEqualTo(1);

		String held = "job-" + System.nanoTime();
		jdbc.sql("insert into cluster_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, 'busy')")
			.params(held, Sql.ts(Instant.now().plusSeconds(60)), Sql.ts(Instant.now()))
			.update();
		assertThat(node("alive").runOnce(held, Duration.ofMinutes(1), Duration.ZERO, ran::incrementAndGet)).isFalse();
		assertThat(ran.get()).isEqualTo(1);
	}

	@Test
	void aJobThatFailsReleasesTheLock() {
		String job = "job-" + System.nanoTime();
		assertThatThrownBy(() -> node("a").runOnce(job, Duration.ofMinutes(5), Duration.ZERO, () -> {
			throw new IllegalStateException("boom");
		})).hasMessage("boom");
		assertThat(node("b").runOnce(job, Duration.ofMinutes(5), Duration.ZERO, () -> {
		})).isTrue();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
