package app.tandem.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work runs on every node's scheduler; each job takes its {@code ClusterLock} first, so
 * it runs once per cluster.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
