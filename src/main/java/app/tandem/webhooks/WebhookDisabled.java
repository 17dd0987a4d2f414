package app.tandem.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A webhook that failed for a day was disabled; its maker is told. */
@DomainEvent
public record WebhookDisabled(UUID webhookId, String url, UUID ownerId, Instant failingSince, String lastError,
		Instant at) {
}
