package app.tandem.webhooks;

import app.tandem.webhooks.domain.WebhookEventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether any enabled webhook hears of a type: asked by the conditions of the reactions to frequent events (a
 * check-in, an ingestion) before Modulith's registry records a publication, so that an organisation without such
 * webhooks pays one small query per event, not a publication. Public only for the condition's expression.
 */
@Component("webhookSubscriptions")
public class WebhookSubscriptions {

	private final JdbcClient jdbc;

	WebhookSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param type a type's wire name ({@code checkin.created}); an unknown one has no webhook */
	public boolean any(String type) {
		return WebhookEventType.ofWire(type).isPresent()
				&& jdbc.sql("select count(*) from webhook where disabled_at is null and events like ?")
					.param("%," + type + ",%")
					.query(Long.class)
					.single() > 0;
	}
}
