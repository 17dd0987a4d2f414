package app.tandem.webhooks.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.tandem.identity.IdentityApi;
import app.tandem.shared.ListPage;
import app.tandem.webhooks.Webhooks;

/**
 * {@code POST/GET /api/v1/webhooks}, {@code GET/DELETE /api/v1/webhooks/{id}} and
 * {@code GET /api/v1/webhooks/{id}/deliveries} (the delivery log, newest first).
 */
@RestController
class WebhookController {

	/** What a registration sends. */
	record NewWebhook(String url, String secret, List<String> events, String teamId) {
	}

	private final Webhooks webhooks;

	private final IdentityApi identity;

	WebhookController(Webhooks webhooks, IdentityApi identity) {
		this.webhooks = webhooks;
		this.identity = identity;
	}

	@PostMapping("/api/v1/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	Webhooks.WebhookView register(@RequestBody NewWebhook body) {
		return webhooks.register(body.url(), body.secret(), body.events(), body.teamId(), identity.caller());
	}

	@GetMapping("/api/v1/webhooks")
	ListPage<Webhooks.WebhookView> list() {
		return new ListPage<>(webhooks.list(identity.caller()), null);
	}

	@GetMapping("/api/v1/webhooks/{id}")
	Webhooks.WebhookView get(@PathVariable String id) {
		return webhooks.get(id, identity.caller());
	}

	@DeleteMapping("/api/v1/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		webhooks.delete(id, identity.caller());
	}

	@GetMapping("/api/v1/webhooks/{id}/deliveries")
	ListPage<Webhooks.DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) Integer limit) {
		return new ListPage<>(webhooks.deliveries(id, ListPage.limit(limit), identity.caller()), null);
	}
}
