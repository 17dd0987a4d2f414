package app.tandem.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.tandem.outbound.OutboundFailed;
import app.tandem.outbound.OutboundHttp;
import app.tandem.outbound.OutboundRefused;
import app.tandem.outbound.OutboundRequest;
import app.tandem.outbound.OutboundResponse;
import app.tandem.webhooks.domain.Backoff;
import app.tandem.webhooks.domain.Signature;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, every five seconds on one node (ShedLock), several at once so that a slow
 * endpoint holds one thread for at most its five seconds and not the others. Each delivery is taken by a
 * conditional update first (a run that outlasts its lock, or another node's, cannot send it too), POSTed through
 * the outbound guard with its signature, and marked delivered on a 2xx; otherwise it is tried again after a pause
 * that doubles, for a day. A webhook that has not answered with a 2xx for a day is disabled and its maker told.
 */
@Component
class DeliverWebhooks {

	private static final Logger log = LoggerFactory.getLogger(DeliverWebhooks.class);

	private static final int BATCH = 200;

	private final DeliveryStore deliveries;

	private final WebhookStore webhooks;

	private final OutboundHttp http;

	private final WebhookProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ExecutorService senders;

	DeliverWebhooks(DeliveryStore deliveries, WebhookStore webhooks, OutboundHttp http, WebhookProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.http = http;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
			Thread thread = new Thread(runnable, "webhook-sender");
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		senders.shutdownNow();
	}

	@Scheduled(cron = "*/5 * * * * *", zone = "UTC")
	@SchedulerLock(name = "deliver-webhooks", lockAtLeastFor = "PT2.5S", lockAtMostFor = "PT2.5S")
	void deliverDue() {
		deliverNow();
	}

	/** One run, without the cluster's lock: the claims keep it from sending what another run sends. */
	void deliverNow() {
		List<DeliveryStore.Delivery> due = deliveries.due(Instant.now(clock), BATCH);
		List<Future<?>> sent = new ArrayList<>();
		for (DeliveryStore.Delivery delivery : due) {
			sent.add(senders.submit(() -> send(delivery)));
		}
		for (Future<?> one : sent) {
			try {
				one.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (java.util.concurrent.ExecutionException e) {
				log.warn("A webhook delivery failed unexpectedly: {}", e.getCause().toString());
			}
		}
	}

	private void send(DeliveryStore.Delivery delivery) {
		Instant now = Instant.now(clock);
		if (!deliveries.claim(delivery.id(), now)) {
			return;
		}
		WebhookStore.Webhook webhook = webhooks.find(delivery.webhookId()).orElse(null);
		if (webhook == null || webhook.disabledAt() != null) {
			return;
		}
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		Integer status = null;
		String error;
		try {
			OutboundResponse response = http.send(OutboundRequest.post(URI.create(webhook.url()), "application/json", body)
				.withHeader("X-Tandem-Signature", Signature.of(body, webhook.secret()))
				.withHeader("X-Tandem-Delivery", delivery.id().toString())
				.withHeader("X-Tandem-Event", delivery.eventType())
				.withHeader("User-Agent", "Tandem-Webhooks/1"));
			status = response.status();
			if (status >= 200 && status < 300) {
				deliveries.delivered(delivery.id(), status, Instant.now(clock));
				webhooks.answering(webhook.id());
				return;
			}
			error = "answered " + status;
		}
		catch (OutboundRefused | OutboundFailed e) {
			error = e.getMessage();
		}
		failed(delivery, webhook, status, error);
	}

	private void failed(DeliveryStore.Delivery delivery, WebhookStore.Webhook webhook, Integer status, String error) {
		Instant now = Instant.now(clock);
		boolean giveUp = Duration.between(delivery.createdAt(), now).compareTo(properties.giveUpAfter()) >= 0;
		deliveries.failed(delivery.id(), status, error, now,
				giveUp ? null : now.plus(Backoff.after(delivery.attempts() + 1, properties.firstRetry())));
		webhooks.failing(webhook.id(), now);
		Instant since = webhook.failingSince() == null ? now : webhook.failingSince();
		if (Duration.between(since, now).compareTo(properties.giveUpAfter()) >= 0
				&& webhooks.disable(webhook.id(), now, "no answer with a 2xx since " + since + ": " + error)) {
			events.publishEvent(new WebhookDisabled(webhook.id(), webhook.url(), webhook.createdBy(), since, error, now));
		}
	}
}
