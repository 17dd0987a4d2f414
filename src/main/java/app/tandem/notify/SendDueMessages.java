package app.tandem.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.tandem.notify.domain.Channel;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the messages that are due, every five seconds on one node of the cluster (ShedLock); each one is taken by a
 * conditional update first, so a run that outlasts its lock and one on another node never send the same message,
 * and marked sent as soon as it went: a node that dies mid-run leaves the rest to the next run. A failing one is
 * tried again with growing pauses (1, 2, 4 … minutes, at most an hour) until a day has passed, then given up.
 */
@Component
class SendDueMessages {

	private static final Logger log = LoggerFactory.getLogger(SendDueMessages.class);

	/** Deliveries read at once; a run goes on until none is due. */
	private static final int BATCH = 200;

	private final Deliveries deliveries;

	private final NotificationStore store;

	private final NotificationChoices choices;

	private final PersonSettings settings;

	private final MailMessages messages;

	private final MailOut mail;

	private final NotificationProperties properties;

	private final Clock clock;

	SendDueMessages(Deliveries deliveries, NotificationStore store, NotificationChoices choices, PersonSettings settings,
			MailMessages messages, MailOut mail, NotificationProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.store = store;
		this.choices = choices;
		this.settings = settings;
		this.messages = messages;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "*/5 * * * * *", zone = "UTC")
	@SchedulerLock(name = "send-notifications", lockAtLeastFor = "PT2.5S", lockAtMostFor = "PT2.5S")
	void sendDue() {
		sendNow();
	}

	/** One run, without the cluster's lock: the claims keep it from sending what another run sends. */
	void sendNow() {
		if (!mail.configured()) {
			return;
		}
		Instant started = Instant.now(clock);
		List<Deliveries.Due> due;
		do {
			due = deliveries.due(Instant.now(clock), BATCH);
			due.forEach(this::send);
		}
		while (due.size() == BATCH && Duration.between(started, Instant.now(clock)).toMinutes() < 5);
	}

	private void send(Deliveries.Due due) {
		if (!deliveries.claim(due.id(), Instant.now(clock))) {
			return;
		}
		NotificationStore.Stored n = store.get(due.notificationId());
		if (n == null || due.email() == null || due.email().isBlank()
				|| !choices.of(due.recipientId(), n.kind()).contains(Channel.EMAIL)) {
			deliveries.dropped(due.id(), "no address, or e-mails of this kind were stopped");
			return;
		}
		try {
			mail.send(messages.of(n, due.email(), settings.of(due.recipientId()).locale()));
			deliveries.sent(due.id(), Instant.now(clock));
		}
		catch (Exception e) {
			Instant now = Instant.now(clock);
			String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			boolean giveUp = Duration.between(due.firstDueAt(), now).compareTo(properties.giveUpAfter()) > 0;
			deliveries.failed(due.id(), why, giveUp ? null : now.plus(pause(due.attempts())));
			log.warn("E-mail of notification {} not sent (attempt {}): {}", due.notificationId(), due.attempts() + 1, why);
		}
	}

	/** 1, 2, 4 … minutes, at most an hour. */
	static Duration pause(int attempts) {
		return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts, 6)));
	}
}
