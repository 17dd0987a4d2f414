package app.tandem.config;

import app.tandem.shared.ClusterSchedule;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reactions to events that have not completed (a node died, a listener threw) run again: at start and every ten
 * minutes, once per cluster, each incomplete publication older than {@code tandem.events.retry-after} is handed to
 * its listener again; every listener is idempotent, so one that had in fact run changes nothing. Completed
 * publications are deleted once older than {@code tandem.events.keep-completed}.
 */
@Component
@EnableConfigurationProperties(EventProperties.class)
class EventPublications {

	private static final Logger log = LoggerFactory.getLogger(EventPublications.class);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final EventProperties properties;

	EventPublications(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			EventProperties properties) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		// Not under the periodic lock: a node that restarts retries at once what it left undone.
		retry();
	}

	@Scheduled(cron = ClusterSchedule.EVERY_TEN_MINUTES, zone = "UTC")
	@SchedulerLock(name = "event-publications", lockAtLeastFor = ClusterSchedule.HALF_OF_TEN_MINUTES,
			lockAtMostFor = ClusterSchedule.HALF_OF_TEN_MINUTES)
	void run() {
		retry();
		completed.deletePublicationsOlderThan(properties.keepCompleted());
	}

	void retry() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(properties.retryAfter());
		}
		catch (RuntimeException e) {
			// A listener that fails again stays incomplete and is tried at the next round.
			log.warn("Resubmitting incomplete event publications failed; the next round tries again", e);
		}
	}
}
