package app.tandem.notify;

import java.util.Map;

import app.tandem.notify.domain.NotificationKind;
import app.tandem.webhooks.WebhookDisabled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** A webhook disabled after a day of failures tells the person who registered it, with its last error. */
@Component
class TellAboutWebhooks {

	private final NotificationWriter writer;

	TellAboutWebhooks(NotificationWriter writer) {
		this.writer = writer;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(WebhookDisabled disabled) {
		writer.write(new NewNotification(disabled.ownerId(), NotificationKind.WEBHOOK_DISABLED, "WEBHOOK",
				disabled.webhookId().toString(), null,
				Map.of("url", disabled.url(), "error", disabled.lastError() == null ? "" : disabled.lastError()),
				"/webhooks", disabled.at(), "WEBHOOK_DISABLED:" + disabled.webhookId() + ":" + disabled.at()));
	}
}
