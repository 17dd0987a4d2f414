package app.tandem.config;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import app.tandem.TandemIntegrationTest;
import app.tandem.shared.NodeProperties;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once per period per cluster, whatever the nodes' start times: two nodes (two lock providers and schedulers on one
 * database), the second started more than a period later with its clock a fifth of a period ahead, run each
 * period's job once between them. Before, each node ran the ten-minute housekeeping every period once they had
 * started more than a minute apart.
 */
@TandemIntegrationTest
class OncePerPeriodIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void twoNodesStartedApartWithClocksApartRunEachPeriodsJobOnce() throws Exception {
		// Ten minutes scaled to four seconds: B starts 1.3 periods after A, its clock 2 of 10 minutes ahead.
		Duration period = Duration.ofSeconds(4);
		String job = "simulated-housekeeping-" + System.nanoTime();
		List<Instant> runs = Collections.synchronizedList(new ArrayList<>());
		ThreadPoolTaskScheduler a = node("a", Duration.ZERO, "*/4 * * * * *", period.dividedBy(2), job, runs);
		Thread.sleep(period.multipliedBy(13).dividedBy(10).toMillis());
		ThreadPoolTaskScheduler b = node("b", period.dividedBy(5), "*/4 * * * * *", period.dividedBy(2), job, runs);
		Thread.sleep(period.multipliedBy(5).toMillis());
		a.shutdown();
		b.shutdown();

		Map<Long, Integer> runsPerPeriod = new TreeMap<>();
		for (Instant run : runs) {
			runsPerPeriod.merge(Math.round(run.toEpochMilli() / (double) period.toMillis()), 1, Integer::sum);
		}
		assertThat(runsPerPeriod.values()).as("runs per period %s", runsPerPeriod).allMatch(n -> n == 1);
		assertThat(runsPerPeriod).as("no period skipped").hasSizeGreaterThanOrEqualTo(6);
		long first = runsPerPeriod.keySet().iterator().next();
		assertThat(runsPerPeriod.keySet()).containsExactlyElementsOf(
				java.util.stream.LongStream.range(first, first + runsPerPeriod.size()).boxed().toList());
	}

	@Test
	void everyScheduledJobFiresOnTheClockAndHoldsItsLockForHalfItsPeriod() {
		List<String> jobs = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			Object bean = context.getBean(name);
			Class<?> type = AopUtils.getTargetClass(bean);
			if (!type.getName().startsWith("app.tandem.")) {
				continue;
			}
			for (Method method : type.getDeclaredMethods()) {
				Scheduled scheduled = method.getAnnotation(Scheduled.class);
				if (scheduled == null) {
					continue;
				}
				jobs.add(type.getSimpleName() + "." + method.getName());
				assertThat(scheduled.cron()).as("%s fires on the clock, not after its node's start", method).isNotEmpty();
				assertThat(scheduled.zone()).isEqualTo("UTC");
				SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
				assertThat(lock).as("%s takes a lock", method).isNotNull();
				CronExpression cron = CronExpression.parse(scheduled.cron());
				var at = java.time.ZonedDateTime.parse("2026-01-01T00:00:00Z");
				Duration cronPeriod = Duration.between(cron.next(at), cron.next(cron.next(at)));
				assertThat(Duration.parse(lock.lockAtLeastFor())).as(method.toString()).isEqualTo(cronPeriod.dividedBy(2));
				assertThat(Duration.parse(lock.lockAtMostFor())).isEqualTo(cronPeriod.dividedBy(2));
				assertThat(AopUtils.isAopProxy(bean)).as("%s is called through ShedLock's proxy", name).isTrue();
			}
		}
		assertThat(jobs).contains("SignInFailureHousekeeping.run", "EventPublications.run");
	}

	/** A node: the production lock provider on the shared database, a scheduler on the node's clock. */
	private ThreadPoolTaskScheduler node(String id, Duration clockAhead, String cron, Duration lockFor, String job,
			List<Instant> runs) {
		LockingTaskExecutor locks = new DefaultLockingTaskExecutor(
				new SchedulingConfiguration().lockProvider(dataSource, new NodeProperties("node-" + id)));
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setClock(Clock.offset(Clock.systemUTC(), clockAhead));
		scheduler.setThreadNamePrefix("node-" + id + "-");
		scheduler.initialize();
		scheduler.schedule(() -> locks.executeWithLock((Runnable) () -> runs.add(Instant.now()),
				new LockConfiguration(Instant.now(), job, lockFor, lockFor)),
				new CronTrigger(cron, java.time.ZoneOffset.UTC));
		return scheduler;
	}
}
