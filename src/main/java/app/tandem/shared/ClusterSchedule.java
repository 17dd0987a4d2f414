package app.tandem.shared;

/**
 * When work that must run once per cluster runs, for {@code @Scheduled} and ShedLock's {@code @SchedulerLock} (see
 * {@code config.SchedulingConfiguration}): periods on the clock, the same instants on every node, each job's lock
 * held for half its period. Nothing runs once per start: what a migration leaves to compute is a Flyway Java
 * migration, run once.
 */
public final class ClusterSchedule {

	/** Every ten minutes on the clock (:00, :10, …), in UTC. */
	public static final String EVERY_TEN_MINUTES = "0 */10 * * * *";

	/** Half of ten minutes: nodes whose clocks differ by less than that run each period's job once between them. */
	public static final String HALF_OF_TEN_MINUTES = "PT5M";

	private ClusterSchedule() {
	}
}
