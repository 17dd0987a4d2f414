package app.tandem.config;

import javax.sql.DataSource;

import app.tandem.shared.NodeId;
import app.tandem.shared.NodeProperties;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work runs on every node's scheduler and once per period in the cluster: every node fires at the same
 * wall-clock instants (a cron, not a delay from its start), and the first to fire takes the job's ShedLock
 * ({@code @SchedulerLock}) for half the period, so the others, firing within half a period of it, find it held
 * whatever their start times; it is free again for the next period's first. Lock times are the database's, so
 * the nodes' clocks only decide when they fire.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource, NodeProperties node) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.withLockedByValue(NodeId.of(node.nodeId()))
			.build());
	}
}
