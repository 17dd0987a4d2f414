package app.tandem.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.identity.Rights;
import app.tandem.outbound.OutboundGuard;
import app.tandem.outbound.OutboundRefused;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.webhooks.domain.WebhookEventType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, listing and removing webhooks, and reading their delivery logs. Admins register any; a team's lead
 * registers one for their team's events ({@code teamId}). A webhook is seen by admins, its maker and its team's
 * leads; to others it does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Webhooks {

	/** A webhook as the API shows it: never its secret. */
	public record WebhookView(String id, String url, List<String> events, String teamId, String createdBy,
			Instant createdAt, boolean active, Instant failingSince, Instant disabledAt, String disabledReason) {

		static WebhookView of(WebhookStore.Webhook w) {
			return new WebhookView(w.id().toString(), w.url(), w.events().stream().map(WebhookEventType::wire).sorted()
				.toList(), Ids.str(w.teamId()), w.createdBy().toString(), w.createdAt(), w.disabledAt() == null,
					w.failingSince(), w.disabledAt(), w.disabledReason());
		}
	}

	/** A delivery as its log shows it (its body, what it sent, is in the API). */
	public record DeliveryView(String id, String eventId, String type, String status, int attempts, Instant createdAt,
			Instant lastAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt, Instant nextAttemptAt,
			String body) {

		static DeliveryView of(DeliveryStore.Delivery d) {
			return new DeliveryView(d.id().toString(), d.eventId(), d.eventType(), d.status(), d.attempts(),
					d.createdAt(), d.lastAttemptAt(), d.lastStatus(), d.lastError(), d.deliveredAt(),
					"PENDING".equals(d.status()) || "SENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.body());
		}
	}

	/** At least this many characters of secret: a short one is guessed by whoever wants to forge deliveries. */
	static final int SECRET_LENGTH = 16;

	private final WebhookStore webhooks;

	private final DeliveryStore deliveries;

	private final OutboundGuard guard;

	private final IdentityApi identity;

	private final Clock clock;

	Webhooks(WebhookStore webhooks, DeliveryStore deliveries, OutboundGuard guard, IdentityApi identity, Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.guard = guard;
		this.identity = identity;
		this.clock = clock;
	}

	/** Every field is checked, the URL by the outbound guard, before anything is stored. */
	@Transactional
	public WebhookView register(String url, String secret, List<String> events, String teamId, Caller caller) {
		Rights rights = identity.rightsOf(caller);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		URI checked = null;
		if (url == null || url.isBlank()) {
			problems.add("url", "is required");
		}
		else {
			try {
				checked = guard.check(url.strip());
			}
			catch (OutboundRefused refused) {
				problems.add("url", refused.getMessage());
			}
		}
		if (secret == null || secret.length() < SECRET_LENGTH || secret.length() > 200) {
			problems.add("secret", "must be " + SECRET_LENGTH + " to 200 characters (the receiver checks each delivery's"
					+ " signature with it)");
		}
		Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
		if (events == null || events.isEmpty()) {
			problems.add("events", "must name at least one of " + known());
		}
		else {
			for (String name : events) {
				WebhookEventType.ofWire(name).ifPresentOrElse(types::add,
						() -> problems.add("events", "has no event " + name + "; the events are " + known()));
			}
		}
		UUID team = null;
		if (teamId != null && !teamId.isBlank()) {
			team = Ids.tryParse(teamId);
			if (team == null || !identity.teamExists(team)) {
				problems.add("teamId", "names no team");
			}
		}
		problems.throwIfAny();
		if (team == null ? !rights.admin() : !rights.leads(team)) {
			throw new AccessDeniedException(team == null ? "Only admins register webhooks for the whole organisation;"
					+ " a team's lead registers one for the team's events (teamId)"
					: "Only the team's leads and admins register webhooks for its events");
		}
		WebhookStore.Webhook webhook = new WebhookStore.Webhook(Ids.next(), checked.toString(), secret, types, team,
				caller.id(), Instant.now(clock), null, null, null);
		webhooks.insert(webhook);
		return WebhookView.of(webhook);
	}

	public List<WebhookView> list(Caller caller) {
		Rights rights = identity.rightsOf(caller);
		return webhooks.list(rights.admin(), rights.ledTeams(), caller.id()).stream().map(WebhookView::of).toList();
	}

	public WebhookView get(String id, Caller caller) {
		return WebhookView.of(visible(id, caller));
	}

	@Transactional
	public void delete(String id, Caller caller) {
		webhooks.delete(visible(id, caller).id());
	}

	/** The newest deliveries first. */
	public List<DeliveryView> deliveries(String id, int limit, Caller caller) {
		return deliveries.log(visible(id, caller).id(), limit).stream().map(DeliveryView::of).toList();
	}

	private WebhookStore.Webhook visible(String id, Caller caller) {
		UUID webhookId = Ids.tryParse(id);
		WebhookStore.Webhook webhook = webhookId == null ? null : webhooks.find(webhookId).orElse(null);
		Rights rights = webhook == null ? null : identity.rightsOf(caller);
		if (webhook == null || !(rights.admin() || webhook.createdBy().equals(caller.id())
				|| webhook.teamId() != null && rights.leads(webhook.teamId()))) {
			throw new NotFoundException("Webhook", id);
		}
		return webhook;
	}

	private static String known() {
		return String.join(", ", java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wire).toList());
	}
}
